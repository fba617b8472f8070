package com.example.crm.client.contacts.api;

import com.example.crm.client.contacts.domain.ContactPerson;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

/** A contact person as the API shows it. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ContactPersonViews {

    ContactPersonView toView(ContactPerson person);
}
