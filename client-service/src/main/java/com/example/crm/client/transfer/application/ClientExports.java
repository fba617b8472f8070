package com.example.crm.client.transfer.application;

import com.example.crm.client.card.application.CardAccess;
import com.example.crm.client.card.domain.Client;
import com.example.crm.client.card.persistence.ClientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Reading the cards of an export. */
@ApplicationScoped
public class ClientExports {

    private final ClientRepository clients;
    private final CardAccess access;
    private final Clock clock;

    public ClientExports(ClientRepository clients, CardAccess access, Clock clock) {
        this.clients = clients;
        this.access = access;
        this.clock = clock;
    }

    /** The clients the caller may export, fixed before the export streams (outside the request's scope). */
    public ClientRepository.ReadScope readScopeOfCaller() {
        return access.readScope();
    }

    /**
     * Hands the clients matching {@code filter} to {@code consumer} page by page, each page read in its own short
     * transaction, so that an export of any size holds neither a long transaction nor all rows in memory.
     */
    public void forEachPage(ClientRepository.Filter filter, ClientRepository.ReadScope scope, int pageSize,
                            Consumer<List<Client>> consumer) {
        Instant now = clock.instant();
        ClientRepository.After after = null;
        while (true) {
            ClientRepository.After position = after;
            List<Client> page = QuarkusTransaction.requiringNew()
                    .call(() -> clients.page(filter, scope, position, pageSize, now));
            if (page.isEmpty()) {
                return;
            }
            consumer.accept(page);
            if (page.size() < pageSize) {
                return;
            }
            Client last = page.get(page.size() - 1);
            after = new ClientRepository.After(last.createdAt, last.id);
        }
    }
}
