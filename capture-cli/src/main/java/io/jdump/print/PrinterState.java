package io.jdump.print;

import java.util.HashMap;
import java.util.Map;

/**
 * What tcpdump remembers from one frame to the next: the initial sequence numbers of TCP
 * connections (for relative sequence numbers), keyed by the address/port text of both ends.
 */
final class PrinterState {
    /** Key "src>dst" (addresses and ports) to {initial seq of src, initial seq of dst}. */
    final Map<String, long[]> tcp = new HashMap<>();
}
