package com.example.crm.platform.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two writers in a test meeting at a point: each waits for the other's latch, at most 30 s. */
public final class Latches {

    private Latches() {
    }

    /** Waits until {@code latch} is open; fails the test after 30 s. */
    public static void reached(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other writer reached its point").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
