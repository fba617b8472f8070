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

    /** {@code mine} completed with {@code other}'s values where it has none (a new address when it has none). */
    static Address completed(Address mine, Address other) {
        if (other == null) {
            return mine;
        }
        Address result = mine == null ? new Address() : mine;
        result.country = Completion.either(result.country, other.country);
        result.province = Completion.either(result.province, other.province);
        result.city = Completion.either(result.city, other.city);
        result.district = Completion.either(result.district, other.district);
        result.street = Completion.either(result.street, other.street);
        result.postalCode = Completion.either(result.postalCode, other.postalCode);
        return result;
    }
}
