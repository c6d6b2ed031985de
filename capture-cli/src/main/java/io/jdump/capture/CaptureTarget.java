package io.jdump.capture;

import io.jdump.capture.linux.AfPacketSocket;
import io.jdump.capture.linux.NetInterfaces;
import io.jdump.capture.linux.NetInterfaces.NetInterface;
import io.jdump.filter.LinkType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The interface a capture runs on, as {@code -i} names it: a name, a number from {@code -D},
 * {@code any}, or nothing (tcpdump's choice: the first interface that is up, running and not
 * loopback). Ethernet and loopback interfaces are read with their link-layer header
 * ({@code EN10MB}); {@code any} and interfaces of other ARPHRD types through a cooked socket, as
 * {@code LINUX_SLL2}. {@link #offered} lists the link types {@code -L} shows and {@code -y} picks
 * from, as libpcap offers them on Linux: {@code EN10MB} and {@code DOCSIS} (the same frames under
 * another name) on Ethernet devices, {@code EN10MB} alone on loopback, {@code LINUX_SLL} (v1) and
 * {@code LINUX_SLL2} on cooked captures.
 *
 * @param ifindex 0 for {@code any}, and for a name that does not exist ({@link #check} says so)
 */
record CaptureTarget(String name, int ifindex, boolean cooked, LinkType linkType) {
    private static final int ARPHRD_ETHER = 1;
    private static final int ARPHRD_LOOPBACK = 772;

    /** Resolves {@code -i}'s argument; an unknown name is only reported by {@link #check}, after the socket opened. */
    static CaptureTarget resolve(String device) throws CaptureException {
        String name = device == null ? defaultName() : byNumber(device);
        if (name.equals(NetInterfaces.ANY)) return new CaptureTarget(name, 0, true, LinkType.LINUX_SLL2);
        int ifindex = AfPacketSocket.interfaceIndex(name);
        int type = arphrd(name);
        boolean ether = ifindex == 0 || type == ARPHRD_ETHER || type == ARPHRD_LOOPBACK;
        return new CaptureTarget(name, ifindex, !ether, ether ? LinkType.EN10MB : LinkType.LINUX_SLL2);
    }

    /** The link types this interface can be captured as, the default ({@link #linkType}) among them. */
    List<LinkType> offered() {
        if (cooked) return List.of(LinkType.LINUX_SLL, LinkType.LINUX_SLL2);
        return arphrd(name) == ARPHRD_LOOPBACK ? List.of(LinkType.EN10MB) : List.of(LinkType.EN10MB, LinkType.DOCSIS);
    }

    /**
     * This target captured as {@code -y wanted} (null: the default), or tcpdump's error when the
     * interface does not offer that type.
     */
    CaptureTarget as(LinkType wanted) throws CaptureException {
        if (wanted == null || wanted == linkType) return this;
        if (!offered().contains(wanted)) throw new CaptureException(wanted.name() + " is not one of the DLTs supported by this device");
        return new CaptureTarget(name, ifindex, cooked, wanted);
    }

    /** Fails when the interface does not exist or is down, with tcpdump's words. */
    void check() throws CaptureException {
        if (name.equals(NetInterfaces.ANY)) return;
        if (ifindex == 0) throw noSuchDevice(name);
        try {
            NetInterface i = NetInterfaces.byName(name);
            if (i != null && !i.up()) throw new CaptureException(name + ": That device is not up");
        } catch (IOException e) {
            throw new CaptureException(name + ": " + e.getMessage(), e);
        }
    }

    static CaptureException noSuchDevice(String name) {
        return new CaptureException(name + ": No such device exists\n(No such device exists)");
    }

    private static String defaultName() throws CaptureException {
        try {
            NetInterface i = NetInterfaces.defaultInterface();
            if (i == null) throw new CaptureException("no suitable device found");
            return i.name();
        } catch (IOException e) {
            throw new CaptureException("can't list interfaces: " + e.getMessage(), e);
        }
    }

    private static String byNumber(String device) throws CaptureException {
        if (!device.matches("[0-9]+") || Files.exists(Path.of("/sys/class/net", device))) return device;
        try {
            List<NetInterface> all = NetInterfaces.list();
            int n = Integer.parseInt(device);
            if (n < 1 || n > all.size()) throw new CaptureException("Invalid adapter index");
            return all.get(n - 1).name();
        } catch (NumberFormatException e) {
            throw new CaptureException("Invalid adapter index", e);
        } catch (IOException e) {
            throw new CaptureException("can't list interfaces: " + e.getMessage(), e);
        }
    }

    private static int arphrd(String name) {
        try {
            return Integer.parseInt(Files.readString(Path.of("/sys/class/net", name, "type")).strip());
        } catch (IOException | NumberFormatException | java.nio.file.InvalidPathException e) {
            return ARPHRD_ETHER;
        }
    }
}
