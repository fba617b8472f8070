package com.example.crm.interaction.visits.api;

import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.visits.application.VisitPlanService;
import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.interaction.visits.domain.VisitPlan;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface VisitPlanMapper {

    @Mapping(target = "allowedTransitions", expression = "java(plan.status.allowedNext().stream().sorted().toList())")
    VisitPlanViews.Plan toView(VisitPlan plan);

    @Mapping(target = "weekly", expression = "java(cadence.intervalDays == 7)")
    VisitPlanViews.Cadence toView(Cadence cadence);

    default VisitPlanViews.Agenda toView(VisitPlanService.Agenda agenda) {
        return new VisitPlanViews.Agenda(agenda.assignee(), agenda.week(), agenda.from(), agenda.to(), agenda.today(),
                agenda.rows().stream().map(r -> new VisitPlanViews.AgendaItem(
                        r.plan().isOverdue(agenda.today()), r.legalName(), toView(r.plan()))).toList());
    }

    default VisitPlanViews.Prospect toView(KnownClientRepository.Prospect p, int target) {
        return new VisitPlanViews.Prospect(p.clientId(), p.legalName(), p.status(), p.visits(), target,
                Math.max(0, target - p.visits()), p.lastVisitAt(), p.nextPlannedOn());
    }
}
