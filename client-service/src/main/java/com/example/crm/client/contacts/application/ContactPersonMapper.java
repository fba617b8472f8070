package com.example.crm.client.contacts.application;

import com.example.crm.client.contacts.domain.ContactPerson;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.MappingTarget;

/** A contact person's writable fields to and from the entity. */
@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ContactPersonMapper {

    ContactPersonInput toInput(ContactPerson person);

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "clientId", ignore = true)
    @Mapping(target = "version", ignore = true)
    @Mapping(target = "createdAt", ignore = true)
    @Mapping(target = "updatedAt", ignore = true)
    @Mapping(target = "decisionMaker", expression = "java(Boolean.TRUE.equals(input.decisionMaker()))")
    void apply(ContactPersonInput input, @MappingTarget ContactPerson person);
}
