package io.openvni.core.intent;

/**
 * An inclusive range of numbers, such as a VNI or VLAN pool. It may be empty or inverted as the operator wrote
 * it; validation reports that.
 */
public record NumberRange(long start, long end) {
    public boolean contains(final long value) {
        return value >= start && value <= end;
    }

    public boolean overlaps(final NumberRange other) {
        return start <= other.end && other.start <= end;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
