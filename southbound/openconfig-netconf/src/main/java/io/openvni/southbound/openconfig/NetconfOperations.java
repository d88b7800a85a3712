package io.openvni.southbound.openconfig;

import static java.util.Objects.requireNonNull;

import com.google.common.util.concurrent.ListenableFuture;
import io.openvni.southbound.spi.DeviceFailure;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.mdsal.dom.api.DOMRpcResult;
import org.opendaylight.netconf.client.mdsal.api.NetconfRpcService;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.Revision;
import org.opendaylight.yangtools.yang.common.RpcError;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.w3c.dom.Element;

/**
 * The NETCONF operations of one pass on one device, through the mount point's {@link NetconfRpcService}: every
 * call waits at most the configured time and turns the device's answer into a {@link DeviceFailure} when it is
 * not {@code <ok/>}. Not thread-safe; one instance per pass.
 */
final class NetconfOperations {
    /** Thrown by every operation that did not succeed; carries the failure to report. */
    static final class DeviceException extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient DeviceFailure failure;
        private final boolean tooBig;

        DeviceException(final DeviceFailure failure) {
            this(failure, false);
        }

        DeviceException(final DeviceFailure failure, final boolean tooBig) {
            super(failure.text(), null, false, false);
            this.failure = failure;
            this.tooBig = tooBig;
        }

        DeviceFailure failure() {
            return failure;
        }

        /**
         * Whether the device refused the request as too large for it to handle (error-tag {@code too-big}, RFC 6241
         * appendix A), so that the same content in smaller requests may pass.
         */
        boolean tooBig() {
            return tooBig;
        }
    }

    private static final QNameModule NETCONF = QNameModule.of(XMLNamespace.of(EditConfigXml.NETCONF_BASE),
        Revision.of("2011-06-01"));
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    private static final String CANDIDATE_CAPABILITY = "urn:ietf:params:netconf:capability:candidate:1.0";
    private static final Set<String> CONFIRMED_COMMIT_CAPABILITIES = Set.of(
        "urn:ietf:params:netconf:capability:confirmed-commit:1.0",
        "urn:ietf:params:netconf:capability:confirmed-commit:1.1");
    private static final Set<String> VALIDATE_CAPABILITIES = Set.of(
        "urn:ietf:params:netconf:capability:validate:1.0",
        "urn:ietf:params:netconf:capability:validate:1.1");

    private final NetconfRpcService rpc;
    private final String device;
    private final Duration timeout;

    NetconfOperations(final NetconfRpcService rpc, final String device, final Duration timeout) {
        this.rpc = requireNonNull(rpc);
        this.device = requireNonNull(device);
        this.timeout = requireNonNull(timeout);
    }

    /**
     * What the device supports, from its {@code netconf-state/capabilities} (RFC 6022). A device that lists none
     * there (some do not fill in the monitoring state, e.g. ODL's netconf-testtool) is taken to offer the
     * candidate, which it then refuses at the lock if it does not, and neither confirmed commit nor validate.
     *
     * @param candidate {@code :candidate}
     * @param confirmedCommit {@code :confirmed-commit}
     * @param validate {@code :validate}: edits can skip the validation the commit does anyway
     */
    record Capabilities(boolean candidate, boolean confirmedCommit, boolean validate) {
    }

    Capabilities capabilities() throws DeviceException {
        final var filter = element("filter", EditConfigXml.NETCONF_BASE);
        filter.setAttribute("type", "subtree");
        final var state = filter.getOwnerDocument().createElementNS(MONITORING, "netconf-state");
        state.appendChild(filter.getOwnerDocument().createElementNS(MONITORING, "capabilities"));
        filter.appendChild(state);
        final var result = call("get", "read capabilities", input(
            ImmutableNodes.newAnyxmlBuilder(DOMSource.class).withNodeIdentifier(id("filter"))
                .withValue(new DOMSource(filter)).build()));
        final var seen = new HashSet<String>();
        if (result.value() != null && result.value().childByArg(id("data")) instanceof AnyxmlNode<?> data
                && data.body() instanceof DOMSource source) {
            collectCapabilities(source.getNode(), seen);
        }
        return new Capabilities(seen.isEmpty() || seen.contains(CANDIDATE_CAPABILITY),
            seen.stream().anyMatch(CONFIRMED_COMMIT_CAPABILITIES::contains),
            seen.stream().anyMatch(VALIDATE_CAPABILITIES::contains));
    }

    void lockCandidate() throws DeviceException {
        call("lock", "lock the candidate datastore", input(candidateTarget()));
    }

    void unlockCandidate() throws DeviceException {
        call("unlock", "unlock the candidate datastore", input(candidateTarget()));
    }

    /**
     * Edits the candidate.
     *
     * @param config the {@code <config>} element
     * @param what the changes it carries, for messages
     * @param commitValidates whether to leave validation to the commit ({@code test-option set}, for devices with
     *     {@code :validate}): a candidate is validated as a whole when committed (RFC 7950, 8.3.3), and strict
     *     devices that also validate the whole candidate at each edit (yuma123 netconfd, whose validation time
     *     grows faster than the square of the entries) then do it once per pass instead of once per edit
     * @throws DeviceException if the device did not take it
     */
    void editCandidate(final Element config, final String what, final boolean commitValidates)
            throws DeviceException {
        final var content = ImmutableNodes.newChoiceBuilder().withNodeIdentifier(id("edit-content"))
            .withChild(ImmutableNodes.newAnyxmlBuilder(DOMSource.class).withNodeIdentifier(id("config"))
                .withValue(new DOMSource(config)).build())
            .build();
        call("edit-config", what, commitValidates
            ? input(candidateTarget(), ImmutableNodes.leafNode(qname("test-option"), "set"), content)
            : input(candidateTarget(), content));
    }

    void commit() throws DeviceException {
        call("commit", "commit", input());
    }

    /** A commit the device rolls back by itself unless a {@link #commit()} confirms it within the timeout. */
    void confirmedCommit(final Duration confirmTimeout) throws DeviceException {
        call("commit", "confirmed commit", input(
            ImmutableNodes.leafNode(qname("confirmed"), Empty.value()),
            ImmutableNodes.leafNode(qname("confirm-timeout"), Uint32.valueOf(confirmTimeout.toSeconds()))));
    }

    void discardChanges() throws DeviceException {
        call("discard-changes", "discard the candidate's changes", input());
    }

    private DOMRpcResult call(final String operation, final String what, final ContainerNode input)
            throws DeviceException {
        final ListenableFuture<? extends DOMRpcResult> future;
        final DOMRpcResult result;
        try {
            future = rpc.invokeNetconf(qname(operation), input);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The connector could not even encode the request (e.g. the device's base schema lacks a feature)
            throw new DeviceException(new DeviceFailure.Rejected("device " + device + ": cannot " + what + ": "
                + e.getMessage()));
        }
        try {
            result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw unreachable("no answer to " + operation + " (" + what + ") within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw unreachable("interrupted while waiting for " + operation);
        } catch (ExecutionException e) {
            // Transport trouble: the session went down, the connector timed the request out, ...
            throw unreachable(operation + " (" + what + ") failed: " + e.getCause());
        }
        final var errors = result.errors().stream().filter(error -> error.getSeverity() == ErrorSeverity.ERROR)
            .toList();
        if (errors.isEmpty()) {
            return result;
        }
        final String text = "device " + device + " refused " + operation + " (" + what + "): "
            + errors.stream().map(NetconfOperations::describe).collect(Collectors.joining("; "));
        throw new DeviceException(errors.stream().anyMatch(error -> error.getErrorType() == ErrorType.TRANSPORT)
            ? new DeviceFailure.Unreachable(text) : new DeviceFailure.Rejected(text),
            errors.stream().anyMatch(error -> ErrorTag.TOO_BIG.equals(error.getTag())));
    }

    // The rpc-error as the device gave it: tag, type, message, and error-info (which holds error-path and the like).
    static String describe(final RpcError error) {
        final var text = new StringBuilder();
        text.append("error-tag ").append(error.getTag() == null ? "?" : error.getTag().elementBody())
            .append(", error-type ").append(error.getErrorType() == null ? "?" : error.getErrorType().elementBody());
        if (error.getMessage() != null) {
            text.append(": ").append(error.getMessage().strip());
        }
        if (error.getApplicationTag() != null) {
            text.append(" [error-app-tag ").append(error.getApplicationTag()).append(']');
        }
        if (error.getInfo() != null && !error.getInfo().isBlank()) {
            text.append(" [error-info ").append(error.getInfo().strip()).append(']');
        }
        return text.toString();
    }

    private DeviceException unreachable(final String reason) {
        return new DeviceException(new DeviceFailure.Unreachable("device " + device + ": " + reason));
    }

    private static void collectCapabilities(final org.w3c.dom.Node node, final Set<String> seen) {
        if (node instanceof Element element && "capability".equals(element.getLocalName())) {
            seen.add(element.getTextContent().strip());
        }
        for (var child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collectCapabilities(child, seen);
        }
    }

    private static ContainerNode candidateTarget() {
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(id("target"))
            .withChild(ImmutableNodes.newChoiceBuilder().withNodeIdentifier(id("config-target"))
                .withChild(ImmutableNodes.leafNode(qname("candidate"), Empty.value()))
                .build())
            .build();
    }

    private static ContainerNode input(final DataContainerChild... children) {
        final var builder = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id("input"));
        for (var child : children) {
            builder.withChild(child);
        }
        return builder.build();
    }

    private static Element element(final String name, final String namespace) {
        try {
            final var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            final var document = factory.newDocumentBuilder().newDocument();
            final var element = document.createElementNS(namespace, name);
            document.appendChild(element);
            return element;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
    }

    private static QName qname(final String localName) {
        return QName.create(NETCONF, localName);
    }

    private static NodeIdentifier id(final String localName) {
        return NodeIdentifier.create(qname(localName));
    }
}
