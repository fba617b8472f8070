package com.example.crm.client.card.domain;

import jakarta.persistence.Embeddable;

@Embeddable
public class Address {
    public String country;
    public String province;
    public String city;
    public String district;
    public String street;
    public String postalCode;
}
