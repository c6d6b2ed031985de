package io.jdump.print;

/**
 * What a transport printer needs from the IP header that carried it.
 *
 * @param v6            whether the network layer is IPv6
 * @param srcOff        offset of the source address in the frame (the destination follows it)
 * @param src           source address text
 * @param dst           destination address text
 * @param addrsPrinted  true when the IP printer already wrote {@code src > dst: } (extension
 *                      headers, fragments), so the transport prints ports only
 * @param nextHeader    the transport protocol number
 * @param fragment      true when the packet is a fragment (checksums cannot be verified)
 * @param ttl           the IPv4 TTL or IPv6 hop limit
 * @param finalDstOff   offset of the destination the transport checksum covers (after a routing header, its
 *                      final segment)
 */
record Ip(boolean v6, int srcOff, String src, String dst, boolean addrsPrinted, int nextHeader, boolean fragment,
          int ttl, int finalDstOff) {
    int addrLen() { return v6 ? 16 : 4; }

    int dstOff() { return srcOff + addrLen(); }

    Ip withAddrsPrinted(boolean printed, int nh, boolean frag) {
        return new Ip(v6, srcOff, src, dst, printed, nh, frag, ttl, finalDstOff);
    }

    Ip withFinalDestination(int off) {
        return new Ip(v6, srcOff, src, dst, addrsPrinted, nextHeader, fragment, ttl, off);
    }
}
