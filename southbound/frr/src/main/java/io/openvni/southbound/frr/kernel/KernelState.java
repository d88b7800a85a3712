package io.openvni.southbound.frr.kernel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.render.Addresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The kernel objects OpenVNI owns on a node: devices and namespaces named with its prefixes (see
 * {@link io.openvni.core.render.frr.NodeNames}), and the addresses of {@code lo}.
 *
 * @param namespaces the {@code ovrf<l3vni>} network namespaces
 * @param forwarding those of the namespaces that forward (no {@code all} switch off): a netns VRF routes between its subnets
 * @param links the owned devices, in every owned namespace
 * @param loopbackAddresses the global addresses of {@code lo}
 */
public record KernelState(Set<String> namespaces, Set<String> forwarding, List<ObservedLink> links,
        Set<String> loopbackAddresses) {
    /** Names OpenVNI gives to devices and namespaces. */
    public static final Pattern OWNED_NAME = Pattern.compile("ov(br|vx|h|w|rf)\\d+");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public KernelState {
        namespaces = Set.copyOf(namespaces);
        forwarding = Set.copyOf(forwarding);
        links = List.copyOf(links);
        loopbackAddresses = Set.copyOf(loopbackAddresses);
    }

    /**
     * The VNIs the node has begun to carry: those any owned device is named after ({@code ovbr<vni>},
     * {@code ovvx<vni>}, the workload veth ends), and the L3 VNIs of its {@code ovrf<l3vni>} namespaces or VRF
     * devices. A network an interrupted write left half made counts: it is to be finished, not taken apart.
     *
     * @return the VNIs
     */
    public Set<Long> presentVnis() {
        final var vnis = new java.util.HashSet<Long>();
        namespaces.forEach(name -> vnis.add(vniOf(name)));
        links.forEach(link -> vnis.add(vniOf(link.name())));
        return vnis;
    }

    // every owned name is a prefix of letters and the VNI (OWNED_NAME)
    private static long vniOf(final String name) {
        int digits = name.length();
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
            digits--;
        }
        return Long.parseLong(name.substring(digits));
    }

    /**
     * Parses the output of {@code ip -j -d addr show} of the router's namespace and of each owned namespace.
     *
     * @param namespaces the owned namespaces
     * @param forwarding the owned namespaces that forward
     * @param root the router namespace's devices
     * @param perNamespace each owned namespace's devices, by namespace
     * @throws IllegalArgumentException if some output is not iproute2's JSON
     */
    public static KernelState parse(final Set<String> namespaces, final Set<String> forwarding, final String root,
            final java.util.Map<String, String> perNamespace) {
        final var links = new ArrayList<ObservedLink>();
        final var loopback = new java.util.TreeSet<String>();
        forEachDevice(root, node -> {
            if (node.path("ifname").asText().equals("lo")) {
                loopback.addAll(addresses(node));
            } else if (OWNED_NAME.matcher(node.path("ifname").asText()).matches()) {
                links.add(link(null, node));
            }
        });
        perNamespace.forEach((netns, text) -> forEachDevice(text, node -> {
            if (OWNED_NAME.matcher(node.path("ifname").asText()).matches()) {
                links.add(link(netns, node));
            }
        }));
        return new KernelState(namespaces, forwarding, links, loopback);
    }

    // One device's tree at a time: iproute2 prints about 1.5 kB per device, and a tree of a whole big node (four
    // devices per network) would take several times the text's size.
    private static void forEachDevice(final String text, final Consumer<JsonNode> action) {
        if (text.isBlank()) {
            return;
        }
        try (var parser = MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("not iproute2 JSON: not a list of devices");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                action.accept(MAPPER.readTree(parser));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IllegalArgumentException("not iproute2 JSON: " + parser.currentToken() + " in the list");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not iproute2 JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            // a String source has no I/O to fail
            throw new UncheckedIOException(e);
        }
    }

    private static ObservedLink link(final @Nullable String netns, final JsonNode node) {
        final var info = node.path("linkinfo");
        final var data = info.path("info_data");
        final var attributes = new HashMap<String, String>();
        final String kind = info.path("info_kind").asText("");
        if (kind.equals("vxlan")) {
            attributes.put("id", data.path("id").asText());
            attributes.put("local", data.path("local").asText());
            attributes.put("dstport", data.path("port").asText());
            attributes.put("learning", data.path("learning").asBoolean(true) ? "on" : "off");
        } else if (kind.equals("vrf")) {
            attributes.put("table", data.path("table").asText());
        }
        final var port = info.path("info_slave_data").path("neigh_suppress");
        if (!port.isMissingNode()) {
            attributes.put("neigh_suppress", port.asBoolean() ? "on" : "off");
        }
        boolean up = false;
        for (var flag : node.path("flags")) {
            up |= flag.asText().equals("UP");
        }
        final var master = node.path("master");
        return new ObservedLink(netns, node.path("ifname").asText(), kind,
            master.isMissingNode() ? null : master.asText(), node.path("address").asText(""), up,
            node.path("mtu").asInt(), attributes, addresses(node), node.has("link_netnsid"),
            node.path("proto_down").asBoolean(false), node.path("ifindex").asInt());
    }

    private static List<String> addresses(final JsonNode node) {
        final var addresses = new ArrayList<String>();
        for (var address : node.path("addr_info")) {
            if (address.path("scope").asText().equals("global")) {
                addresses.add(Addresses.canonicalPrefix(address.path("local").asText() + "/"
                    + address.path("prefixlen").asText()));
            }
        }
        return addresses;
    }
}
