package io.openvni.metrics;

import io.openvni.core.compile.DeviceRole;
import io.openvni.northbound.api.FabricService;
import io.openvni.southbound.spi.MetricsRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenVNI's metrics for Prometheus: the {@link MetricsRecorder} the reconciler and the drivers report to, and the
 * HTTP endpoint that serves them, on the loopback address by default. Configured by the PID {@value #PID}
 * ({@code etc/io.openvni.metrics.cfg}): {@code address} and {@code port}.
 */
@Component(service = MetricsRecorder.class, configurationPid = PrometheusMetrics.PID, immediate = true)
@Designate(ocd = PrometheusMetrics.Config.class)
public final class PrometheusMetrics implements MetricsRecorder {
    static final String PID = "io.openvni.metrics";

    /** Where the endpoint listens. */
    @ObjectClassDefinition(name = "OpenVNI metrics", description = "The Prometheus endpoint of OpenVNI")
    public @interface Config {
        @AttributeDefinition(description = "Address to listen on; the loopback address unless Prometheus scrapes "
            + "from another host")
        String address() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port of GET /metrics", min = "1", max = "65535")
        int port() default 8185;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);

    private final OpenVniMeters meters;
    private final MetricsEndpoint endpoint;

    @Activate
    public PrometheusMetrics(@Reference final FabricService fabric, final Config config) {
        meters = new OpenVniMeters(fabric::snapshot);
        final var address = new InetSocketAddress(config.address(), config.port());
        try {
            endpoint = new MetricsEndpoint(address, meters::scrape);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + address, e);
        }
        LOG.info("OpenVNI metrics served at http://{}:{}{}", config.address(), endpoint.address().getPort(),
            MetricsEndpoint.PATH);
    }

    @Deactivate
    void deactivate() {
        endpoint.close();
    }

    @Override
    public void passEnded(final DeviceRole role, final PassResult result, final Duration took) {
        meters.passEnded(role, result, took);
    }

    @Override
    public void driftFound(final DeviceRole role, final boolean healed) {
        meters.driftFound(role, healed);
    }

    @Override
    public void queueDepth(final int waiting) {
        meters.queueDepth(waiting);
    }

    @Override
    public void reconnected(final DeviceRole role) {
        meters.reconnected(role);
    }

    @Override
    public void stuckConnectionRestarted() {
        meters.stuckConnectionRestarted();
    }
}
