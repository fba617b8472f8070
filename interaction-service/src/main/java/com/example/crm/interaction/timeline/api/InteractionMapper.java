package com.example.crm.interaction.timeline.api;

import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.timeline.domain.Interaction;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface InteractionMapper {

    @Mapping(target = "checkIn", expression = "java(checkIn(interaction))")
    InteractionView toView(Interaction interaction);

    default InteractionView.CheckInView checkIn(Interaction i) {
        return i.checkInAt == null ? null
                : new InteractionView.CheckInView(i.checkInLatitude, i.checkInLongitude, i.checkInAddress, i.checkInAt);
    }

    default TodoItem toTodo(KnownClient client, LocalDate day) {
        return new TodoItem(client.id, client.legalName, client.nextContactOn,
                ChronoUnit.DAYS.between(client.nextContactOn, day), client.lastContactAt);
    }
}
