package com.example.crm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Both overlays render with {@code kubectl kustomize}, and what they render is what the services need: probes,
 * limits and a locked-down security context on every Deployment, every referenced Secret and ConfigMap present (or
 * created by an operator, or created out of band as the README says), topics and ACLs exactly those of each
 * service's channel configuration, and the production overlay highly available.
 */
class KubernetesManifestsTest {

    static final Path HERE = Path.of("").toAbsolutePath();
    static final Path ROOT = HERE.resolve("../..").normalize();
    static final List<String> SERVICES = List.of("client", "interaction", "complaint", "segmentation");
    /** Secrets created before the first apply of the production overlay (README "Deploying to Kubernetes"). */
    static final Set<String> OUT_OF_BAND_SECRETS = Set.of("crm-jwt-public-key", "crm-db-client", "crm-db-interaction",
            "crm-db-complaint", "crm-db-segmentation");
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            RENDERED.put(overlay, kustomize(HERE.resolve("overlays/" + overlay)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_deployment_has_probes_limits_and_runs_locked_down(String overlay) {
        List<Deployment> deployments = all(overlay, "Deployment", Deployment.class);
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> s + "-service").toList());
        Set<String> accounts = names(overlay, "ServiceAccount");
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getContainers()).as(name).hasSize(1);
            Container app = pod.getContainers().get(0);
            assertProbe(name, app.getStartupProbe(), "/q/health/started");
            assertProbe(name, app.getLivenessProbe(), "/q/health/live");
            assertProbe(name, app.getReadinessProbe(), "/q/health/ready");
            assertThat(app.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(app.getResources().getLimits()).as(name + " limits").containsKey("memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(app.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            // the outbox relay may need 35 s to finish its batch after SIGTERM, after a 5 s preStop pause
            assertThat(pod.getTerminationGracePeriodSeconds()).as(name).isGreaterThanOrEqualTo(45L);
            assertThat(app.getLifecycle().getPreStop()).as(name).isNotNull();
            assertThat(pod.getServiceAccountName()).isEqualTo(name);
            assertThat(accounts).contains(name);
            assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", "/q/metrics");
            assertThat(app.getImage()).as(name).matches("ghcr\\.io/example/crm/" + name + ":[\\w.-]+");
            assertThat(app.getVolumeMounts()).as(name + " writable /tmp").anyMatch(m -> m.getMountPath().equals("/tmp"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_referenced_secret_and_config_map_exists(String overlay) {
        Set<String> secrets = names(overlay, "Secret");
        Set<String> configMaps = names(overlay, "ConfigMap");
        // Strimzi's User Operator writes a Secret per KafkaUser, the Cluster Operator the cluster CA certificate
        Set<String> byOperators = new TreeSet<>(names(overlay, "KafkaUser"));
        names(overlay, "Kafka").forEach(k -> byOperators.add(k + "-cluster-ca-cert"));
        Set<String> available = new TreeSet<>(secrets);
        available.addAll(byOperators);
        if (overlay.equals("prod")) {
            available.addAll(OUT_OF_BAND_SECRETS);
        }
        for (Deployment d : all(overlay, "Deployment", Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        assertThat(available).as(d.getMetadata().getName() + " " + env.getName())
                                .contains(env.getValueFrom().getSecretKeyRef().getName());
                    }
                }
                c.getEnvFrom().forEach(from -> assertThat(configMaps).contains(from.getConfigMapRef().getName()));
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getSecret() != null) {
                    assertThat(available).as(d.getMetadata().getName() + " volume " + v.getName())
                            .contains(v.getSecret().getSecretName());
                }
            }
        }
        for (JsonNode cluster : docs(overlay, "Cluster")) {
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                assertThat(available).contains(role.at("/passwordSecret/name").asText());
            }
        }
        if (overlay.equals("dev")) {
            assertThat(secrets).containsAll(OUT_OF_BAND_SECRETS); // dev brings its own development credentials
        }
    }

    @Test
    void the_readme_says_how_to_create_the_out_of_band_secrets() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("## Deploying to Kubernetes");
        OUT_OF_BAND_SECRETS.forEach(secret -> assertThat(readme).contains(secret));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void topics_and_acls_are_exactly_what_each_service_publishes_and_consumes(String overlay) throws IOException {
        Set<String> expectedTopics = new TreeSet<>();
        Map<String, KafkaUser> users = all(overlay, "KafkaUser", KafkaUser.class).stream()
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
        for (String service : SERVICES) {
            Channels channels = Channels.of(service);
            expectedTopics.add(channels.ownTopic);
            expectedTopics.add(channels.ownTopic + ".dlq");
            expectedTopics.addAll(channels.consumed);
            expectedTopics.addAll(channels.deadLetters);

            Set<String> expected = new TreeSet<>();
            expected.add("topic:" + channels.ownTopic + ":DESCRIBE,WRITE");
            channels.consumed.forEach(t -> expected.add("topic:" + t + ":DESCRIBE,READ"));
            channels.deadLetters.forEach(t -> expected.add("topic:" + t + ":DESCRIBE,WRITE"));
            channels.groups.forEach(g -> expected.add("group:" + g + ":READ"));
            KafkaUser user = users.get(service + "-service");
            assertThat(user).as("KafkaUser of " + service).isNotNull();
            assertThat(acls(user)).as("ACLs of " + service + "-service").isEqualTo(expected);

            Deployment deployment = one(overlay, "Deployment", service + "-service", Deployment.class);
            EnvVar jaas = env(deployment, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.getMetadata().getName());
            ConfigMap settings = one(overlay, "ConfigMap", service + "-service-settings", ConfigMap.class);
            assertThat(settings.getData()).containsEntry("QUARKUS_DATASOURCE_USERNAME", channels.databaseUser);
        }
        Set<String> topics = all(overlay, "KafkaTopic", KafkaTopic.class).stream()
                .map(t -> t.getSpec().getTopicName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(topics).isEqualTo(expectedTopics);
        for (KafkaTopic topic : all(overlay, "KafkaTopic", KafkaTopic.class)) {
            if (!topic.getSpec().getTopicName().endsWith(".dlq")) {
                // kept for replay: segmentation-service rebuilds its projection from the beginning of the topics
                assertThat(topic.getSpec().getConfig()).containsEntry("retention.ms", -1);
            }
            if (overlay.equals("prod")) {
                assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
                assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
            }
        }
        KafkaUser outside = users.get("crm-external-reader");
        assertThat(acls(outside)).allMatch(a -> a.endsWith(":DESCRIBE,READ") || a.endsWith(":READ"))
                .contains("topic:crm.client.v1:DESCRIBE,READ", "topic:crm.segment.v1:DESCRIBE,READ");
    }

    @Test
    void production_runs_at_least_two_spread_replicas_with_autoscaling_and_disruption_budgets() {
        Set<String> scaled = all("prod", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                .peek(h -> assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2))
                .map(h -> h.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet());
        List<PodDisruptionBudget> budgets = all("prod", "PodDisruptionBudget", PodDisruptionBudget.class);
        for (Deployment d : all("prod", "Deployment", Deployment.class)) {
            String name = d.getMetadata().getName();
            assertThat(d.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
            assertThat(scaled).contains(name);
            assertThat(budgets).as(name).anyMatch(b -> name.equals(
                    b.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name")));
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getAffinity().getPodAntiAffinity()).as(name).isNotNull();
            assertThat(pod.getTopologySpreadConstraints()).as(name).isNotEmpty();
        }
        for (Deployment d : all("dev", "Deployment", Deployment.class)) {
            assertThat(d.getSpec().getReplicas()).isEqualTo(1);
        }
    }

    @Test
    void every_replica_at_full_scale_gets_its_database_connections() {
        int maxConnections = docs("prod", "Cluster").get(0).at("/spec/postgresql/parameters/max_connections").asInt();
        JsonNode settings = docs("prod", "ConfigMap").stream()
                .filter(c -> c.at("/metadata/name").asText().startsWith("crm-settings")).findFirst().orElseThrow();
        // the jar's default pool (20) would not fit: the cluster sets its own
        int pool = settings.at("/data/QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asInt();
        assertThat(pool).isPositive();
        int replicas = all("prod", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                .mapToInt(h -> h.getSpec().getMaxReplicas()).sum();
        int reserved = 3 + 10; // superuser_reserved_connections, the operator's instance manager and monitoring
        assertThat(replicas * (pool + 1)).as("%d replicas x (%d pooled + 1 LISTEN) of %d connections", replicas, pool,
                maxConnections).isLessThanOrEqualTo(maxConnections - reserved);
        assertThat(settings.at("/data/QUARKUS_DATASOURCE_JDBC_MIN_SIZE").asInt()).isBetween(1, pool);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void pods_talk_only_to_kafka_postgres_and_dns_and_each_service_has_a_route(String overlay) {
        List<NetworkPolicy> policies = all(overlay, "NetworkPolicy", NetworkPolicy.class);
        assertThat(policies).hasSize(1);
        NetworkPolicy policy = policies.get(0);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "api");
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getEgress()).flatExtracting(e -> e.getPorts())
                .extracting(p -> p.getPort().getIntVal()).containsExactlyInAnyOrder(9093, 5432, 53, 53);
        for (Deployment d : all(overlay, "Deployment", Deployment.class)) {
            assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/component", "api");
        }
        Set<String> services = names(overlay, "Service");
        for (HTTPRoute route : all(overlay, "HTTPRoute", HTTPRoute.class)) {
            assertThat(route.getSpec().getRules()).flatExtracting(r -> r.getBackendRefs())
                    .allMatch(b -> services.contains(b.getName()));
        }
        assertThat(names(overlay, "HTTPRoute")).containsExactlyInAnyOrderElementsOf(
                SERVICES.stream().map(s -> s + "-service").toList());
    }

    @Test
    void images_are_built_non_root_and_jars_carry_no_cluster_settings() throws IOException {
        for (String service : SERVICES) {
            Path dockerfile = ROOT.resolve(service + "-service/src/main/docker/Dockerfile.jvm");
            assertThat(dockerfile).exists();
            String text = Files.readString(dockerfile);
            assertThat(text).contains("USER 185").contains("EXPOSE 8080").contains("target/quarkus-app/");
            Properties properties = Channels.properties(service);
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%prod.")) {
                    assertThat(key).as(service + ": production values come from the environment")
                            .doesNotContain("jdbc.url", "bootstrap.servers", "password", "publickey");
                }
            }
        }
    }

    // ------------------------------------------------------------------ the services' channel configuration

    /** What a service's application.properties says it publishes and consumes. */
    record Channels(String ownTopic, Set<String> consumed, Set<String> deadLetters, Set<String> groups,
                    String databaseUser) {

        static Channels of(String service) throws IOException {
            Properties p = properties(service);
            Set<String> consumed = new TreeSet<>();
            Set<String> deadLetters = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                if (!key.startsWith("mp.messaging.incoming.")) {
                    continue;
                }
                if (key.endsWith(".dead-letter-queue.topic")) {
                    deadLetters.add(p.getProperty(key));
                } else if (key.endsWith(".topic")) {
                    consumed.add(p.getProperty(key));
                } else if (key.endsWith(".group.id")) {
                    groups.add(p.getProperty(key));
                }
            }
            return new Channels(p.getProperty(service + ".topic"), consumed, deadLetters, groups,
                    p.getProperty("quarkus.datasource.username"));
        }

        static Properties properties(String service) throws IOException {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(
                    ROOT.resolve(service + "-service/src/main/resources/application.properties"))) {
                p.load(in);
            }
            return p;
        }
    }

    private static Set<String> acls(KafkaUser user) {
        Set<String> acls = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            String resource;
            if (rule.getResource() instanceof AclRuleTopicResource t) {
                resource = "topic:" + t.getName();
            } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                resource = "group:" + g.getName();
            } else {
                resource = fail("unexpected ACL resource " + rule.getResource());
            }
            acls.add(resource + ":" + rule.getOperations().stream().map(o -> o.toString().toUpperCase()).sorted()
                    .collect(Collectors.joining(",")));
        }
        return acls;
    }

    // ------------------------------------------------------------------ rendering and reading

    private static List<JsonNode> kustomize(Path dir) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            return fail("kubectl is needed to render " + dir + " (kubectl 1.32 with kustomize v5; "
                    + "install it, the overlays are not checked without it): " + e.getMessage());
        }
        byte[] out;
        try (InputStream stdout = process.getInputStream()) {
            out = stdout.readAllBytes();
        }
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + err).isZero();
        List<JsonNode> docs = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        try (var parser = new YAMLFactory().createParser(out)) {
            docs.addAll(yaml.readValues(parser, JsonNode.class).readAll());
        }
        docs.removeIf(d -> d == null || d.isNull() || d.isEmpty());
        for (JsonNode doc : docs) {
            assertThat(doc.path("apiVersion").asText()).as(doc.toString()).isNotEmpty();
            assertThat(doc.at("/metadata/name").asText()).as(doc.toString()).isNotEmpty();
        }
        return docs;
    }

    private static List<JsonNode> docs(String overlay, String kind) {
        return RENDERED.get(overlay).stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static <T> List<T> all(String overlay, String kind, Class<T> type) {
        return docs(overlay, kind).stream().map(d -> {
            try {
                return JSON.treeToValue(d, type);
            } catch (IOException e) {
                throw new AssertionError(kind + " " + d.at("/metadata/name").asText() + " does not parse as "
                        + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }).toList();
    }

    private static <T> T one(String overlay, String kind, String name, Class<T> type) {
        return all(overlay, kind, type).stream()
                .filter(o -> JSON.valueToTree(o).at("/metadata/name").asText().equals(name)).findFirst()
                .orElseGet(() -> fail("no " + kind + " " + name + " in " + overlay));
    }

    private static Set<String> names(String overlay, String kind) {
        return docs(overlay, kind).stream().map(d -> d.at("/metadata/name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static EnvVar env(Deployment d, String name) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name)).findFirst()
                .orElseGet(() -> fail(d.getMetadata().getName() + " has no " + name));
    }

    private static void assertProbe(String deployment, Probe probe, String path) {
        assertThat(probe).as(deployment + " probe " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }
}
