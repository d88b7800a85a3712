package io.openvni.core.render.srlinux;

/**
 * Removes every {@code must} statement from YANG source text, with its argument and substatements, and leaves
 * everything else byte for byte. SR Linux evaluates its {@code must} expressions with its own XPath rules, which
 * libyang's XPath 1.0 evaluation does not share: {@code . = false()} on a boolean leaf, comparisons with an
 * absent identityref, absolute paths into the instance being checked all fail there on configurations SR Linux
 * takes. netconf-testtool, the simulator of an SR Linux leaf, does not evaluate them either.
 */
final class YangMusts {
    private YangMusts() {
        // static only
    }

    static String strip(final String yang) {
        final var out = new StringBuilder(yang.length());
        int index = 0;
        while (index < yang.length()) {
            final char c = yang.charAt(index);
            if (c == '"' || c == '\'') {
                final int end = endOfString(yang, index);
                out.append(yang, index, end);
                index = end;
            } else if (yang.startsWith("//", index)) {
                final int end = yang.indexOf('\n', index);
                final int stop = end < 0 ? yang.length() : end;
                out.append(yang, index, stop);
                index = stop;
            } else if (isMustKeyword(yang, index)) {
                index = endOfStatement(yang, index);
            } else {
                out.append(c);
                index++;
            }
        }
        return out.toString();
    }

    private static boolean isMustKeyword(final String yang, final int index) {
        return yang.startsWith("must", index) && (index == 0 || Character.isWhitespace(yang.charAt(index - 1))
            || yang.charAt(index - 1) == ';' || yang.charAt(index - 1) == '{' || yang.charAt(index - 1) == '}')
            && index + 4 < yang.length() && Character.isWhitespace(yang.charAt(index + 4));
    }

    // After the argument (quoted strings joined with +): either ';' or a block of substatements.
    private static int endOfStatement(final String yang, final int start) {
        int depth = 0;
        int index = start + 4;
        while (index < yang.length()) {
            final char c = yang.charAt(index);
            if (c == '"' || c == '\'') {
                index = endOfString(yang, index);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return index + 1;
                }
            } else if (c == ';' && depth == 0) {
                return index + 1;
            }
            index++;
        }
        throw new IllegalArgumentException("unterminated must statement at offset " + start);
    }

    // Index after the closing quote; double-quoted strings may escape characters, single-quoted ones cannot.
    private static int endOfString(final String yang, final int start) {
        final char quote = yang.charAt(start);
        int index = start + 1;
        while (index < yang.length() && yang.charAt(index) != quote) {
            index += quote == '"' && yang.charAt(index) == '\\' ? 2 : 1;
        }
        if (index >= yang.length()) {
            throw new IllegalArgumentException("unterminated string at offset " + start);
        }
        return index + 1;
    }
}
