package io.jdump.filter.sema;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The host's resolver: {@link InetAddress} for host names, {@code /etc/ethers}, {@code /etc/networks}, {@code /etc/services}, {@code /etc/protocols}. */
final class SystemResolver implements Resolver {
    static final SystemResolver INSTANCE = new SystemResolver();

    private static InetAddress[] all(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new InetAddress[0];
        }
    }

    @Override
    public List<Integer> ipv4(String host) {
        List<Integer> out = new ArrayList<>();
        for (InetAddress a : all(host)) {
            if (a instanceof Inet4Address) out.add(java.nio.ByteBuffer.wrap(a.getAddress()).getInt());
        }
        return out;
    }

    @Override
    public List<byte[]> ipv6(String host) {
        List<byte[]> out = new ArrayList<>();
        for (InetAddress a : all(host)) {
            if (a instanceof Inet6Address) out.add(a.getAddress());
        }
        return out;
    }

    private static List<String[]> table(String file) {
        List<String[]> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int hash = line.indexOf('#');
                String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!l.isEmpty()) rows.add(l.split("\\s+"));
            }
        } catch (IOException e) {
            return rows;
        }
        return rows;
    }

    @Override
    public byte[] mac(String host) {
        for (String[] r : table("/etc/ethers")) {
            if (r.length >= 2 && r[1].equalsIgnoreCase(host)) {
                String[] parts = r[0].split(":");
                if (parts.length != 6) continue;
                byte[] m = new byte[6];
                for (int i = 0; i < 6; i++) m[i] = (byte) Integer.parseInt(parts[i], 16);
                return m;
            }
        }
        return null;
    }

    @Override
    public Integer network(String name) {
        for (String[] r : table("/etc/networks")) {
            if (r.length >= 2 && r[0].equalsIgnoreCase(name)) {
                int v = 0;
                String[] q = r[1].split("\\.");
                for (String x : q) v = v << 8 | Integer.parseInt(x);
                return v;
            }
        }
        return null;
    }

    @Override
    public int port(String name, String proto) {
        for (String[] r : table("/etc/services")) {
            if (r.length < 2 || !r[1].endsWith("/" + proto)) continue;
            for (int i = 0; i < r.length; i++) {
                if (i != 1 && r[i].equals(name)) return Integer.parseInt(r[1].substring(0, r[1].indexOf('/')));
            }
        }
        return -1;
    }

    @Override
    public int protocol(String name) {
        for (String[] r : table("/etc/protocols")) {
            if (r.length < 2) continue;
            for (int i = 0; i < r.length; i++) {
                if (i != 1 && r[i].toLowerCase(Locale.ROOT).equals(name)) return Integer.parseInt(r[1]);
            }
        }
        return -1;
    }
}
