import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Sums up what one run of scripts/test.sh left in every module: the JUnit XML reports of Maven Surefire and Failsafe
 * ({@code target/surefire-reports/TEST-*.xml}, {@code target/failsafe-reports/TEST-*.xml}) for what passed and
 * failed, and the skipped tests the test-support listener wrote down ({@code target/openvni-skipped-tests/*.tsv},
 * see io.openvni.testsupport.SkippedTestsListener), which include the classes whose assumptions fail in
 * {@code @BeforeAll} (Surefire reports those as "Tests run: 0"). It prints which tests were skipped and why (a test
 * that needs a package, root or a lab skips itself through a JUnit assumption, so a run without them would
 * otherwise look green), which failed, and as the last line the counts, {@code N passed, N failed, N skipped}.
 *
 * <p>Usage: {@code java scripts/TestReports.java [--newer-than FILE] [--fail-on-skipped] DIR}. Only reports
 * written after FILE count (the run's start), so those left by earlier runs of other modules do not. Exits 1 when a
 * test failed or, with {@code --fail-on-skipped} (OPENVNI_REQUIRE_LABS=1), when any test was skipped.
 */
public final class TestReports {
    private static final Pattern REPORT = Pattern.compile("TEST-.*\\.xml");
    private static final Pattern REPORT_FOLDER = Pattern.compile("(surefire|failsafe)-reports");
    private static final Pattern SKIPPED = Pattern.compile("skipped-.*\\.tsv");
    private static final Pattern SKIPPED_FOLDER = Pattern.compile("openvni-skipped-tests");
    private static final String ASSUMPTION = "Assumption failed: ";
    private static final int LISTED_FAILURES = 20;

    private TestReports() {
    }

    /** The outcome of one test (or, skipped, of {@code count} tests of a class); reason null if it passed. */
    record Outcome(String test, Kind kind, String reason, long count) {
        Outcome(final String test, final Kind kind, final String reason) {
            this(test, kind, reason, 1);
        }
    }

    enum Kind { PASSED, FAILED, SKIPPED }

    public static void main(final String[] args) throws Exception {
        FileTime since = null;
        boolean failOnSkipped = false;
        Path root = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--newer-than" -> since = Files.getLastModifiedTime(Path.of(args[++i]));
                case "--fail-on-skipped" -> failOnSkipped = true;
                default -> root = Path.of(args[i]);
            }
        }
        if (root == null) {
            System.err.println("usage: java scripts/TestReports.java [--newer-than FILE] [--fail-on-skipped] DIR");
            System.exit(2);
        }
        final List<Path> reports = files(root, since, REPORT_FOLDER, REPORT);
        final List<Outcome> outcomes = new ArrayList<>();
        for (Path report : reports) {
            outcomes.addAll(read(report));
        }
        // the listener's record of skips is complete; the XML's skipped tests count only where it has none
        final List<Outcome> listed = new ArrayList<>();
        for (Path file : files(root, since, SKIPPED_FOLDER, SKIPPED)) {
            listed.addAll(readSkipped(file));
        }
        if (!listed.isEmpty()) {
            final var listedClasses = listed.stream().map(outcome -> className(outcome.test()))
                .collect(Collectors.toSet());
            outcomes.removeIf(outcome -> outcome.kind() == Kind.SKIPPED
                && listedClasses.contains(className(outcome.test())));
            outcomes.addAll(listed);
        }
        System.exit(summarize(reports.size(), outcomes, failOnSkipped));
    }

    static List<Path> files(final Path root, final FileTime since, final Pattern folder, final Pattern name)
            throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files
                .filter(file -> name.matcher(file.getFileName().toString()).matches())
                .filter(file -> file.getParent() != null
                    && folder.matcher(file.getParent().getFileName().toString()).matches())
                .filter(file -> !file.toString().contains("/.git/") && !file.toString().contains("/node_modules/"))
                .filter(file -> since == null || newer(file, since))
                .sorted()
                .toList();
        }
    }

    private static boolean newer(final Path file, final FileTime since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(since) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static List<Outcome> read(final Path report) throws Exception {
        final var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        final var document = factory.newDocumentBuilder().parse(report.toFile());
        final var cases = document.getElementsByTagName("testcase");
        final List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            final var testcase = (Element) cases.item(i);
            final String test = simpleName(testcase.getAttribute("classname"))
                + (testcase.getAttribute("name").isEmpty() ? "" : "." + testcase.getAttribute("name"));
            final Element skipped = child(testcase, "skipped");
            final Element failed = child(testcase, "failure") != null ? child(testcase, "failure")
                : child(testcase, "error");
            if (failed != null) {
                outcomes.add(new Outcome(test, Kind.FAILED, firstLine(failed.getAttribute("message"))));
            } else if (skipped != null) {
                String reason = skipped.getAttribute("message");
                if (reason.startsWith(ASSUMPTION)) {
                    reason = reason.substring(ASSUMPTION.length());
                }
                outcomes.add(new Outcome(test, Kind.SKIPPED, reason.isBlank() ? "(no reason given)" : reason));
            } else {
                outcomes.add(new Outcome(test, Kind.PASSED, null));
            }
        }
        return outcomes;
    }

    /** The listener's lines: {@code <tests>\t<class>\t<test or empty>\t<reason>}. */
    static List<Outcome> readSkipped(final Path file) throws IOException {
        final List<Outcome> outcomes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            final String[] fields = line.split("\t", 4);
            if (fields.length < 4) {
                continue;
            }
            final String test = simpleName(fields[1]) + (fields[2].isEmpty() ? "" : "." + fields[2]);
            String reason = fields[3];
            if (reason.startsWith(ASSUMPTION)) {
                reason = reason.substring(ASSUMPTION.length());
            }
            outcomes.add(new Outcome(test, Kind.SKIPPED, reason, Long.parseLong(fields[0])));
        }
        return outcomes;
    }

    static int summarize(final int reports, final List<Outcome> outcomes, final boolean failOnSkipped) {
        final Map<Kind, List<Outcome>> byKind = outcomes.stream()
            .collect(Collectors.groupingBy(Outcome::kind, () -> new TreeMap<>(), Collectors.toList()));
        final List<Outcome> skipped = byKind.getOrDefault(Kind.SKIPPED, List.of());
        final List<Outcome> failed = byKind.getOrDefault(Kind.FAILED, List.of());
        final int passed = byKind.getOrDefault(Kind.PASSED, List.of()).size();
        final long skippedCount = count(skipped);

        if (reports == 0) {
            System.out.println("test: no test reports were written (the build stopped before the tests, or "
                + "-DskipTests)");
        }
        if (skipped.isEmpty()) {
            System.out.println("test: skipped: 0");
        } else {
            System.out.println("test: skipped: " + skippedCount + " (a package, root or a lab is missing, or the "
                + "test asked for it), by reason:");
            final Map<String, List<Outcome>> byReason = skipped.stream()
                .collect(Collectors.groupingBy(Outcome::reason, TreeMap::new, Collectors.toList()));
            byReason.forEach((reason, tests) -> {
                System.out.printf("  %3d  %s%n", count(tests), firstLine(reason));
                System.out.println("       " + classesOf(tests));
            });
        }
        failed.stream().limit(LISTED_FAILURES)
            .forEach(outcome -> System.out.println("test: FAILED " + outcome.test() + ": " + outcome.reason()));
        if (failed.size() > LISTED_FAILURES) {
            System.out.println("test: ... and " + (failed.size() - LISTED_FAILURES) + " more failures");
        }
        final boolean skipFails = failOnSkipped && !skipped.isEmpty();
        if (skipFails) {
            System.out.println("test: OPENVNI_REQUIRE_LABS=1 and " + skippedCount + " tests were skipped: this "
                + "run fails (set the machine up with scripts/setup.sh tests, as root)");
        }
        System.out.println(passed + " passed, " + failed.size() + " failed, " + skippedCount + " skipped");
        return failed.isEmpty() && !skipFails ? 0 : 1;
    }

    private static long count(final List<Outcome> outcomes) {
        return outcomes.stream().mapToLong(Outcome::count).sum();
    }

    private static String className(final String test) {
        return test.contains(".") ? test.substring(0, test.indexOf('.')) : test;
    }

    /** "NodeSessionsTest (3), PasswordAuthenticationTest (1)". */
    private static String classesOf(final List<Outcome> tests) {
        final Map<String, Long> perClass = tests.stream().collect(Collectors.groupingBy(
            outcome -> className(outcome.test()), TreeMap::new, Collectors.summingLong(Outcome::count)));
        return perClass.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
            .collect(Collectors.joining(", "));
    }

    private static Element child(final Element parent, final String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static String simpleName(final String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String firstLine(final String text) {
        final String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
