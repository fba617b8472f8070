package com.example.crm.interaction.brief.application;

import com.example.crm.interaction.clients.application.ClientReplica;
import com.example.crm.interaction.clients.domain.KnownClient;
import com.example.crm.interaction.clients.persistence.KnownClientRepository;
import com.example.crm.interaction.config.InteractionConfig;
import com.example.crm.interaction.orders.application.ReceivableService;
import com.example.crm.interaction.orders.domain.ClientOrder;
import com.example.crm.interaction.orders.persistence.OrderRepository;
import com.example.crm.interaction.timeline.domain.Interaction;
import com.example.crm.interaction.timeline.persistence.InteractionRepository;
import com.example.crm.interaction.visits.domain.Cadence;
import com.example.crm.interaction.visits.domain.VisitPlan;
import com.example.crm.interaction.visits.persistence.CadenceRepository;
import com.example.crm.interaction.visits.persistence.VisitPlanRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The pre-visit brief (docs/domain.md, "Visits and cadences": check the card before every visit), from this
 * service's own data.
 */
@ApplicationScoped
public class BriefService {

    static final int LATEST = 5;

    private final ClientReplica replica;
    private final InteractionRepository interactions;
    private final OrderRepository orders;
    private final ReceivableService receivables;
    private final VisitPlanRepository plans;
    private final CadenceRepository cadences;
    private final KnownClientRepository clients;
    private final InteractionConfig config;

    public BriefService(ClientReplica replica, InteractionRepository interactions, OrderRepository orders,
                        ReceivableService receivables, VisitPlanRepository plans, CadenceRepository cadences,
                        KnownClientRepository clients, InteractionConfig config) {
        this.replica = replica;
        this.interactions = interactions;
        this.orders = orders;
        this.receivables = receivables;
        this.plans = plans;
        this.cadences = cadences;
        this.clients = clients;
        this.config = config;
    }

    /** visitsSoFar and visitTarget are set for prospects (potential and intended clients) only. */
    public record Brief(KnownClient client, List<Interaction> lastContacts, List<ClientOrder> lastOrders,
                        ReceivableService.Summary receivables, Optional<VisitPlan> nextPlan, Optional<Cadence> cadence,
                        Long visitsSoFar, Integer visitTarget) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Brief brief(UUID clientId) {
        KnownClient client = replica.visible(clientId);
        boolean prospect = client.isProspect();
        return new Brief(client, interactions.latest(clientId, LATEST), orders.latest(clientId, LATEST),
                receivables.receivables(clientId), plans.nextOpen(clientId), cadences.findByIdOptional(clientId),
                prospect ? clients.visits(clientId) : null, prospect ? config.visits().prospectVisitTarget() : null);
    }
}
