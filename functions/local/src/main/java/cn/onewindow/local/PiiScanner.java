package cn.onewindow.local;

import cn.onewindow.core.cases.IdentityNumbers;
import cn.onewindow.core.cases.Masking;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for personal data in clear where none may be: the log files of the local system (function logs, the SMS
 * stand-in's notifications.log, the provincial rating log) and the outbox items of the cases table ({@code NOTIFY#},
 * {@code FWD#}, {@code DISPATCH#}). It knows the clear values a scenario used (names, ID numbers, phones, name
 * patterns such as {@code 测试村民-xxxxxxxx}) and detects any 18-character resident ID with a valid check character
 * and any 11-digit mainland mobile number ({@code 1[3-9]…}). Masked forms ({@code 330106********1234},
 * {@code 138****5678}, {@code 张*丰}) are not hits. Pick-up codes ({@code 取件码} followed by 6 digits, or a code the
 * scenario learnt) are a separate category, switched on with {@link Builder#pickupCodes(boolean)}.
 */
public final class PiiScanner {

    public enum Category { RESIDENT_ID, MOBILE_PHONE, KNOWN_ID, KNOWN_PHONE, NAME, PICKUP_CODE }

    /** One value in clear: where (file or table item), which line (1-based; 0 for an item), what, masked. */
    public record Hit(String where, int line, Category category, String masked) {
        @Override
        public String toString() {
            return where + (line > 0 ? ":" + line : "") + " " + category + " " + masked;
        }
    }

    /** Outbox items of the cases table, by sort-key prefix. */
    public static final List<String> OUTBOX_PREFIXES = List.of("NOTIFY#", "FWD#", "DISPATCH#");

    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])1[3-9]\\d{9}(?![0-9A-Za-z])");
    private static final Pattern PICKUP = Pattern.compile("取件码[^0-9*]{0,3}(\\d{6})(?!\\d)");

    private final Set<String> names;
    private final List<Pattern> namePatterns;
    private final Set<String> ids;
    private final Set<String> phones;
    private final Set<String> codes;
    private final boolean pickupCodes;

    private PiiScanner(Builder b) {
        this.names = Set.copyOf(b.names);
        this.namePatterns = List.copyOf(b.namePatterns);
        this.ids = Set.copyOf(b.ids);
        this.phones = Set.copyOf(b.phones);
        this.codes = Set.copyOf(b.codes);
        this.pickupCodes = b.pickupCodes;
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean scansPickupCodes() {
        return pickupCodes;
    }

    /** The hits in one text, line by line. */
    public List<Hit> scan(String where, String text) {
        List<Hit> hits = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            scanLine(where, lines.length == 1 ? 0 : i + 1, lines[i], hits);
        }
        return hits;
    }

    private void scanLine(String where, int line, String s, List<Hit> hits) {
        Set<String> seen = new LinkedHashSet<>();
        for (String id : ids) {
            if (s.contains(id) && seen.add(id)) hits.add(new Hit(where, line, Category.KNOWN_ID, maskNumber(id)));
        }
        for (String phone : phones) {
            if (s.contains(phone) && seen.add(phone)) {
                hits.add(new Hit(where, line, Category.KNOWN_PHONE, Masking.phone(phone)));
            }
        }
        for (String name : names) {
            if (s.contains(name) && seen.add(name)) hits.add(new Hit(where, line, Category.NAME, Masking.name(name)));
        }
        for (Pattern p : namePatterns) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                if (seen.add(m.group())) hits.add(new Hit(where, line, Category.NAME, Masking.name(m.group())));
            }
        }
        Matcher id = RESIDENT_ID.matcher(s);
        while (id.find()) {
            String v = id.group().toUpperCase();
            if (IdentityNumbers.validResidentId(v) && seen.add(v)) {
                hits.add(new Hit(where, line, Category.RESIDENT_ID, maskNumber(v)));
            }
        }
        Matcher mobile = MOBILE.matcher(s);
        while (mobile.find()) {
            if (seen.add(mobile.group())) {
                hits.add(new Hit(where, line, Category.MOBILE_PHONE, Masking.phone(mobile.group())));
            }
        }
        if (pickupCodes) {
            Matcher code = PICKUP.matcher(s);
            while (code.find()) {
                if (seen.add(code.group(1))) hits.add(new Hit(where, line, Category.PICKUP_CODE, "取件码******"));
            }
            for (String c : codes) {
                if (Pattern.compile("(?<!\\d)" + Pattern.quote(c) + "(?!\\d)").matcher(s).find() && seen.add(c)) {
                    hits.add(new Hit(where, line, Category.PICKUP_CODE, "*".repeat(c.length())));
                }
            }
        }
    }

    private static String maskNumber(String v) {
        return v.length() >= 12 ? v.substring(0, 6) + "*".repeat(v.length() - 10) + v.substring(v.length() - 4)
                : "*".repeat(v.length());
    }

    /**
     * Every regular file directly in {@code directory} (not its sub-directories: the functions' unpacked code), from
     * the offset it had in {@code before} (what an earlier run had written there is not this run's), as UTF-8.
     */
    public List<Hit> scanDirectory(Path directory, Map<Path, Long> before) {
        List<Hit> hits = new ArrayList<>();
        for (Path file : files(directory)) {
            long from = before.getOrDefault(file.getFileName(), 0L);
            try {
                byte[] all = Files.readAllBytes(file);
                if (from > all.length) from = 0; // the file was recreated
                if (from > 0 && from < all.length && all[(int) from - 1] != '\n') from = 0;
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .decode(java.nio.ByteBuffer.wrap(all, (int) from, all.length - (int) from)).toString();
                int skipped = countLines(all, (int) from);
                for (Hit h : scan(file.getFileName().toString(), text)) {
                    hits.add(new Hit(h.where(), Math.max(h.line(), 1) + skipped, h.category(), h.masked()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return hits;
    }

    /** The size of every file directly in {@code directory} now, for {@link #scanDirectory(Path, Map)}. */
    public static Map<Path, Long> sizes(Path directory) {
        Map<Path, Long> sizes = new TreeMap<>();
        for (Path f : files(directory)) {
            try {
                sizes.put(f.getFileName(), Files.size(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sizes;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int countLines(byte[] bytes, int upTo) {
        int n = 0;
        for (int i = 0; i < upTo; i++) if (bytes[i] == '\n') n++;
        return n;
    }

    /** Every outbox item ({@link #OUTBOX_PREFIXES}) of the cases table, all its string attributes. */
    public List<Hit> scanOutbox(DynamoDbClient db, String casesTable) {
        List<Hit> hits = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder r = ScanRequest.builder().tableName(casesTable).consistentRead(true);
            if (start != null) r.exclusiveStartKey(start);
            ScanResponse page = db.scan(r.build());
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.containsKey("sk") ? item.get("sk").s() : null;
                if (sk == null || OUTBOX_PREFIXES.stream().noneMatch(sk::startsWith)) continue;
                String where = casesTable + "[" + item.get("pk").s() + " " + sk + "]";
                item.forEach((attribute, value) -> strings(value).forEach(s -> hits.addAll(scan(where + "." + attribute,
                        s.replace('\n', ' ')))));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return hits;
    }

    private static List<String> strings(AttributeValue v) {
        if (v.s() != null) return List.of(v.s());
        if (v.hasSs()) return v.ss();
        List<String> out = new ArrayList<>();
        if (v.hasL()) v.l().forEach(e -> out.addAll(strings(e)));
        if (v.hasM()) v.m().values().forEach(e -> out.addAll(strings(e)));
        return out;
    }

    /**
     * The whole local system: what its functions, the SMS stand-in and the provincial rating log wrote since
     * {@code before} ({@link #sizes(Path)} of {@link LocalSystem#logDirectory()} taken before it started), and every
     * outbox item of its cases table.
     */
    public List<Hit> scanLocalSystem(LocalSystem system, Map<Path, Long> before) {
        List<Hit> hits = new ArrayList<>(scanDirectory(system.logDirectory(), before));
        hits.addAll(scanOutbox(system.aws().dynamoDbClient(), system.resources().tableName("CasesTable")));
        return hits;
    }

    /** A failure message: one hit a line, masked, or null when there is none. */
    public static String report(Collection<Hit> hits) {
        if (hits.isEmpty()) return null;
        StringBuilder b = new StringBuilder(hits.size() + " personal value(s) in clear:");
        hits.forEach(h -> b.append("\n  ").append(h));
        return b.toString();
    }

    public static final class Builder {
        private final Set<String> names = new LinkedHashSet<>();
        private final List<Pattern> namePatterns = new ArrayList<>();
        private final Set<String> ids = new LinkedHashSet<>();
        private final Set<String> phones = new LinkedHashSet<>();
        private final Set<String> codes = new LinkedHashSet<>();
        private boolean pickupCodes = true;

        /** An applicant's name, ID number and phone as the scenario sent them (nulls are skipped). */
        public Builder applicant(String name, String idNumber, String phone) {
            if (name != null && !name.isBlank()) names.add(name);
            if (idNumber != null && !idNumber.isBlank()) ids.add(idNumber);
            if (phone != null && !phone.isBlank()) {
                phones.add(phone);
                String digits = phone.replaceAll("\\D", "");
                if (digits.length() >= 7) phones.add(digits);
            }
            return this;
        }

        /** Names made unique per run (e.g. {@code 测试村民-[0-9a-f]{8}}). */
        public Builder namePattern(String regex) {
            namePatterns.add(Pattern.compile(regex));
            return this;
        }

        /** A pick-up code the scenario learnt. */
        public Builder pickupCode(String code) {
            codes.add(code);
            return this;
        }

        /** Whether pick-up codes ({@code 取件码NNNNNN} and learnt codes) count as hits; on by default. */
        public Builder pickupCodes(boolean on) {
            pickupCodes = on;
            return this;
        }

        public PiiScanner build() {
            return new PiiScanner(this);
        }
    }
}
