package io.openvni.northbound.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The controller's settings an operator may tune, in {@code etc/io.openvni.controller.cfg} of the Karaf home (PID
 * {@value #PID}); every key is optional and the defaults here are the ones documented in that file and the README.
 * Changing the file restarts the controller component: a fresh reconciler reads every device and writes only to
 * those that differ. Read at the OSGi edge only: {@link ControllerSettings#of(ControllerConfiguration)} turns it
 * into a plain record.
 */
@ObjectClassDefinition(id = ControllerConfiguration.PID, name = "OpenVNI controller",
    description = "Worker threads, operational state reads and retry backoff of the OpenVNI controller")
public @interface ControllerConfiguration {
    /** The configuration PID, and the name of its file in Karaf's etc/ (with {@code .cfg}). */
    String PID = "io.openvni.controller";

    /**
     * Threads working on devices at once (property {@code reconcile.workers}).
     *
     * @return at least 1
     */
    @AttributeDefinition(min = "1", description = "How many devices are read and written at once. Driver calls"
        + " block on device I/O, so this is well above the number of cores; every device has its own worker queue.")
    int reconcile_workers() default 32;

    /**
     * Seconds between reads of a node router's operational state (property {@code state.read.interval.seconds}).
     *
     * @return zero or more; zero turns the reads off
     */
    @AttributeDefinition(min = "0", description = "How often each node router's operational state (BGP sessions,"
        + " VNIs) is read into openvni-status, in seconds; 0 turns these reads off.")
    long state_read_interval_seconds() default 10;

    /**
     * The ceiling of the first retry in milliseconds (property {@code backoff.initial.millis}).
     *
     * @return at least 1
     */
    @AttributeDefinition(min = "1", description = "Retries of a failed device pass, controller pass or status"
        + " write wait a random time up to this ceiling after the first failure, in milliseconds; the ceiling"
        + " doubles with every further failure.")
    long backoff_initial_millis() default 1000;

    /**
     * The largest retry ceiling in seconds (property {@code backoff.max.seconds}).
     *
     * @return at least the initial ceiling
     */
    @AttributeDefinition(min = "1", description = "The largest retry ceiling, in seconds: a device that stays down"
        + " is tried again at least this often.")
    long backoff_max_seconds() default 30;

    /**
     * The write lease in seconds (property {@code write.lease.seconds}).
     *
     * @return at least 2
     */
    @AttributeDefinition(min = "2", description = "How long this controller may write to devices after its last"
        + " renewal of its write lease reached the cluster's majority, in seconds; renewed every fifth of it. A member"
        + " cut off from the others stops writing after this long, and a member taking the controller over from"
        + " another waits this long before its first write.")
    long write_lease_seconds() default 5;
}
