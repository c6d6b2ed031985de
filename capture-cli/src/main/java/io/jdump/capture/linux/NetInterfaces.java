package io.jdump.capture.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The interfaces live capture can open, in the order and format of {@code tcpdump -D}: real
 * interfaces from {@code /sys/class/net} and the {@code any} pseudo-device, the ones that are up
 * and running first, loopback after them, then down ones; ties keep interface-index order.
 */
public final class NetInterfaces {
    /** The name of the pseudo-device that captures on every interface. */
    public static final String ANY = "any";
    private static final Path SYS = Path.of("/sys/class/net");
    private static final int IFF_UP = 0x1;
    private static final int IFF_LOOPBACK = 0x8;

    private NetInterfaces() {}

    /** Whether an interface has link: {@code UNKNOWN} when its driver cannot say. */
    public enum Connection { CONNECTED, DISCONNECTED, UNKNOWN, NOT_APPLICABLE }

    /**
     * One capturable interface.
     *
     * @param index       the kernel's interface index (0 for {@code any})
     * @param description shown in parentheses by {@code -D}, or null
     */
    public record NetInterface(int index, String name, String description, boolean up, boolean running,
                               boolean loopback, boolean wireless, Connection connection) {
        /** The line {@code tcpdump -D} prints for it, after its number and a dot. */
        public String describe() {
            List<String> flags = new ArrayList<>();
            if (up) flags.add("Up");
            if (running) flags.add("Running");
            if (wireless) flags.add("Wireless");
            if (loopback) flags.add("Loopback");
            if (flags.isEmpty()) flags.add("none");
            switch (connection) {
                case CONNECTED -> flags.add(wireless ? "Associated" : "Connected");
                case DISCONNECTED -> flags.add(wireless ? "Not associated" : "Disconnected");
                case UNKNOWN, NOT_APPLICABLE -> { }
            }
            return name + (description != null ? " (" + description + ")" : "") + " [" + String.join(", ", flags) + "]";
        }

        long merit() {
            long m = 0;
            if (!up) m |= 0x80000000L;
            if (!running) m |= 0x40000000L;
            if (connection == Connection.DISCONNECTED) m |= 0x20000000L;
            if (loopback) m |= 0x10000000L;
            return m;
        }
    }

    /** Every interface, ordered as {@code tcpdump -D} lists them (number n is element n-1). */
    public static List<NetInterface> list() throws IOException {
        List<NetInterface> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SYS)) {
            for (Path dir : dirs.toList()) {
                NetInterface i = read(dir);
                if (i != null) all.add(i);
            }
        }
        all.sort(Comparator.comparingInt(NetInterface::index));
        all.add(new NetInterface(0, ANY, "Pseudo-device that captures on all interfaces", true, true, false, false,
                Connection.NOT_APPLICABLE));
        all.sort(Comparator.comparingLong(NetInterface::merit));
        return List.copyOf(all);
    }

    /** The {@code tcpdump -D} lines, numbered from 1. */
    public static List<String> describeAll() throws IOException {
        List<NetInterface> all = list();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) lines.add((i + 1) + "." + all.get(i).describe());
        return lines;
    }

    /** The interface tcpdump captures on without {@code -i}: the first one up, running and not loopback. */
    public static NetInterface defaultInterface() throws IOException {
        for (NetInterface i : list()) {
            if (i.index() != 0 && i.up() && i.running() && !i.loopback()) return i;
        }
        return null;
    }

    /** The interface called {@code name}, or null. */
    public static NetInterface byName(String name) throws IOException {
        for (NetInterface i : list()) {
            if (i.name().equals(name)) return i;
        }
        return null;
    }

    private static NetInterface read(Path dir) {
        try {
            String name = dir.getFileName().toString();
            int index = Integer.parseInt(Files.readString(dir.resolve("ifindex")).strip());
            int flags = Integer.decode(Files.readString(dir.resolve("flags")).strip());
            boolean loopback = (flags & IFF_LOOPBACK) != 0;
            boolean up = (flags & IFF_UP) != 0;
            // sysfs flags lack IFF_RUNNING; the kernel sets it when the device is up and its
            // operational state is "up" or "unknown" (what SIOCGIFFLAGS reports)
            String oper = Files.readString(dir.resolve("operstate")).strip();
            boolean running = up && (oper.equals("up") || oper.equals("unknown"));
            boolean wireless = Files.exists(dir.resolve("wireless"));
            Connection c = loopback ? Connection.NOT_APPLICABLE : connection(name);
            return new NetInterface(index, name, null, up, running, loopback, wireless, c);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static Connection connection(String name) {
        Boolean link = AfPacketSocket.linkDetected(name);
        if (link == null) return Connection.UNKNOWN;
        return link ? Connection.CONNECTED : Connection.DISCONNECTED;
    }
}
