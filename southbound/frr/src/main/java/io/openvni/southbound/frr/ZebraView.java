package io.openvni.southbound.frr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvni.core.render.Addresses;
import io.openvni.core.render.frr.KernelDevice;
import io.openvni.core.render.frr.KernelPlan;
import io.openvni.southbound.frr.kernel.KernelState;
import io.openvni.southbound.frr.kernel.ObservedLink;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jdt.annotation.Nullable;

/**
 * What zebra knows of the node's devices, to find owned devices it has lost track of. FRR 8.4's zebra follows netns
 * VRFs through one netlink socket per namespace and sometimes misses an event for good: a VXLAN device whose VNI it
 * dropped (no type-2/3 routes), or an SVI whose address it never saw in a VRF namespace it had just taken up (no
 * connected route in the VRF, so no type-5 route). Such devices look right in the kernel; only creating them anew
 * makes zebra take them up.
 *
 * @param vnis the VNIs zebra has taken up ({@code show evpn vni json}), with their VXLAN device
 * @param interfaces the interfaces zebra knows ({@code show interface vrf all brief json}), by name; null where
 *     zebra does not answer that in JSON (FRR before 8.2), and then SVIs are not checked
 * @param evpn whether the node's FRR advertises its VNIs ({@code advertise-all-vni}); zebra takes up no VNI otherwise
 */
public record ZebraView(Map<Long, String> vnis, @Nullable Map<String, Interface> interfaces, boolean evpn) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * An interface as zebra sees it.
     *
     * @param vrf the VRF zebra put it in
     * @param addresses its addresses with prefix length, link-local ones left out
     * @param index the interface index zebra holds it under, 0 where not asked ({@link #withIndexes}): the brief
     *     list does not show it
     */
    public record Interface(String vrf, Set<String> addresses, int index) {
        public Interface {
            requireNonNull(vrf);
            addresses = Set.copyOf(addresses);
        }

        Interface(final String vrf, final Set<String> addresses) {
            this(vrf, addresses, 0);
        }
    }

    public ZebraView {
        vnis = Map.copyOf(vnis);
        interfaces = interfaces == null ? null : Map.copyOf(interfaces);
    }

    /**
     * Parses vtysh's JSON answers; either may be empty (zebra runs no EVPN, vtysh printed nothing).
     *
     * @throws IllegalArgumentException if the VNI list is not JSON
     */
    public static ZebraView parse(final String evpnVnis, final String interfaceBrief, final boolean evpn) {
        final var vnis = new TreeMap<Long, String>();
        // {"10100":{"vni":10100,"type":"L2","vxlanIf":"ovvx10100",...},...}
        json(evpnVnis, "zebra's VNI list").properties().forEach(entry -> {
            final long vni = entry.getValue().path("vni").asLong(-1);
            if (vni >= 0) {
                vnis.put(vni, entry.getValue().path("vxlanIf").asText(""));
            }
        });
        // {"ovbr10100":{"status":"up","vrfName":"ovrf50000","addresses":["10.1.0.1/24"]},...}
        final JsonNode brief;
        try {
            brief = json(interfaceBrief, "zebra's interface list");
        } catch (IllegalArgumentException e) {
            return new ZebraView(vnis, null, evpn);
        }
        final var interfaces = new TreeMap<String, Interface>();
        brief.properties().forEach(entry -> {
            final var addresses = new TreeSet<String>();
            entry.getValue().path("addresses").forEach(address -> addresses.add(address.asText()));
            interfaces.put(entry.getKey(), new Interface(entry.getValue().path("vrfName").asText(""), addresses));
        });
        return new ZebraView(vnis, interfaces, evpn);
    }

    /**
     * This view with the interface indexes zebra holds some interfaces under (from {@link #parseIndexes}).
     *
     * @param indexes interface indexes by name; names zebra does not list here are left out
     */
    public ZebraView withIndexes(final Map<String, Integer> indexes) {
        if (interfaces == null) {
            return this;
        }
        final var indexed = new HashMap<>(interfaces);
        indexes.forEach((name, index) -> indexed.computeIfPresent(name,
            (ignored, seen) -> new Interface(seen.vrf(), seen.addresses(), index)));
        return new ZebraView(vnis, indexed, evpn);
    }

    /**
     * The interface indexes in zebra's answers to {@code show interface NAME vrf VRF json}, one per answer:
     * {@code {"ovbr10100":{..., "index":9016, ...}}}, or {@code {}} for an interface zebra does not know.
     *
     * @throws IllegalArgumentException if an answer is not JSON
     */
    public static Map<String, Integer> parseIndexes(final List<String> answers) {
        final var indexes = new TreeMap<String, Integer>();
        for (var answer : answers) {
            json(answer, "zebra's interface").properties().forEach(entry -> {
                final int index = entry.getValue().path("index").asInt(0);
                if (index != 0) {
                    indexes.put(entry.getKey(), index);
                }
            });
        }
        return indexes;
    }

    private static JsonNode json(final String text, final String what) {
        if (text.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The owned devices zebra has lost track of: VXLAN devices whose VNI it has not taken up although it runs EVPN,
     * and bridges in a VRF namespace that have their planned IPv4 addresses while zebra lacks one of them or puts
     * the bridge in another VRF. Unplanned addresses (an operator's, about to be removed) and IPv6 ones (tentative
     * for a while, and zebra takes them up only then) are left out: zebra may not have seen them yet.
     *
     * @param kernel the owned devices
     * @param plannedIpv4 the planned IPv4 addresses of the bridges that have some ({@link #plannedIpv4(KernelPlan)})
     */
    public Set<String> devicesLacking(final KernelState kernel, final Map<String, Set<String>> plannedIpv4) {
        return kernel.links().stream()
            .filter(link -> evpn && vxlanLacking(link) || sviLacking(link, plannedIpv4.get(link.name())))
            .map(ObservedLink::name)
            .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Of the {@link #devicesLacking devices lacking}, the SVIs zebra does know, in their VRF, only without some of
     * their planned IPv4 addresses. zebra 8.4 drops address events that come in a burst with new devices of a netns
     * VRF (seen here: 7% to 93% of 200 SVIs created in one batch, in every order tried); taking such an address away
     * and adding it again always reached zebra, where a bridge created anew loses its ports and is one more burst.
     * Not so for an SVI zebra holds under an index the kernel no longer has ({@link #withIndexes}): zebra missed
     * the device being created anew, ignores every address event of the new one (seen with 4,000 networks in one
     * VRF: 260 SVIs readdressed pass after pass), and only a further creation reaches it.
     *
     * @param kernel the owned devices
     * @param plannedIpv4 the planned IPv4 addresses of the bridges that have some ({@link #plannedIpv4(KernelPlan)})
     */
    public Set<String> addressesLacking(final KernelState kernel, final Map<String, Set<String>> plannedIpv4) {
        return kernel.links().stream()
            .filter(link -> sviLacking(link, plannedIpv4.get(link.name())))
            .filter(this::heldAsIs)
            .map(ObservedLink::name)
            .collect(Collectors.toUnmodifiableSet());
    }

    /** The planned IPv4 addresses of each bridge of a plan that has some. */
    public static Map<String, Set<String>> plannedIpv4(final KernelPlan plan) {
        final var addresses = new HashMap<String, Set<String>>();
        for (var device : plan.devices()) {
            final String planned = device.spec().get("address");
            if (device.kind() == KernelDevice.Kind.BRIDGE && planned != null) {
                final var ipv4 = Arrays.stream(planned.split(",")).map(Addresses::canonicalPrefix)
                    .filter(address -> !address.contains(":")).collect(Collectors.toUnmodifiableSet());
                if (!ipv4.isEmpty()) {
                    addresses.put(device.name(), ipv4);
                }
            }
        }
        return addresses;
    }

    // zebra knows the device in its VRF, and under its index where that was asked
    private boolean heldAsIs(final ObservedLink link) {
        final var seen = interfaces.get(link.name());
        return seen != null && seen.vrf().equals(link.netns()) && (seen.index() == 0 || seen.index() == link.index());
    }

    private boolean vxlanLacking(final ObservedLink link) {
        return link.kind().equals("vxlan")
            && !link.name().equals(vnis.get(Long.parseLong(link.attributes().get("id"))));
    }

    private boolean sviLacking(final ObservedLink link, final @Nullable Set<String> planned) {
        if (interfaces == null || planned == null || !link.kind().equals("bridge") || link.netns() == null
                || !link.addresses().containsAll(planned)) {
            return false;
        }
        final var seen = interfaces.get(link.name());
        return seen == null || !seen.vrf().equals(link.netns()) || !seen.addresses().containsAll(planned);
    }
}
