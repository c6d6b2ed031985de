package io.jdump.filter.ir;

import io.jdump.bpf.Insn;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * A block's statement list: an {@link ArrayList} whose every change (through the list, its
 * iterators or its sub-lists, which all end in the methods below) advances {@link Block#version()},
 * so that an analysis can tell that the CFG it was computed on is still the CFG.
 */
final class Stmts extends AbstractList<Insn> implements RandomAccess {
    private final ArrayList<Insn> list;

    Stmts(Collection<Insn> stmts) {
        list = new ArrayList<>(stmts);
    }

    @Override public Insn get(int i) { return list.get(i); }

    @Override public int size() { return list.size(); }

    @Override
    public Insn set(int i, Insn s) {
        Block.changed();
        return list.set(i, s);
    }

    @Override
    public void add(int i, Insn s) {
        Block.changed();
        modCount++;
        list.add(i, s);
    }

    @Override
    public boolean addAll(int i, Collection<? extends Insn> c) {
        Block.changed();
        modCount++;
        return list.addAll(i, c);
    }

    @Override
    public boolean addAll(Collection<? extends Insn> c) {
        return addAll(list.size(), c);
    }

    @Override
    public Insn remove(int i) {
        Block.changed();
        modCount++;
        return list.remove(i);
    }

    @Override
    protected void removeRange(int from, int to) {
        Block.changed();
        modCount++;
        list.subList(from, to).clear();
    }

    @Override
    public void clear() {
        removeRange(0, list.size());
    }

    @Override
    public Object[] toArray() { return list.toArray(); }
}
