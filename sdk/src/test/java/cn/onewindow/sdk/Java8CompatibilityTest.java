package cn.onewindow.sdk;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java 8 API check on the compiled SDK: every class is Java 8 bytecode (major version 52), and refers to
 * nothing but the JDK's Java SE and {@code com.sun.net}/{@code sun} free packages and the SDK itself, so the jar
 * runs on a bare Java 8 with no other jar. (The compiler's {@code --release 8}, enforced by the build, is what
 * keeps post-8 APIs out: it compiles against the Java 8 API signatures.)
 */
class Java8CompatibilityTest {

    static Path classesDirectory() throws URISyntaxException {
        return Paths.get(OneWindowClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static List<Path> classFiles() throws Exception {
        try (Stream<Path> s = Files.walk(classesDirectory())) {
            return s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
    }

    @Test
    void everyClassIsJava8Bytecode() throws Exception {
        List<Path> files = classFiles();
        assertTrue(files.size() > 40, "found " + files.size() + " classes");
        List<String> newer = new ArrayList<>();
        for (Path p : files) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(p))) {
                assertEquals(0xCAFEBABE, in.readInt());
                in.readUnsignedShort();
                int major = in.readUnsignedShort();
                if (major > 52) newer.add(p.getFileName() + " (" + major + ")");
            }
        }
        assertTrue(newer.isEmpty(), "not Java 8 bytecode: " + newer);
    }

    @Test
    void theSdkNeedsNothingButJavaSe() throws Exception {
        TreeSet<String> foreign = new TreeSet<>();
        for (Path p : classFiles()) {
            try (InputStream in = Files.newInputStream(p)) {
                for (String c : referencedClasses(new DataInputStream(in))) {
                    String name = c.replace('/', '.');
                    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("cn.onewindow.sdk.")) {
                        continue;
                    }
                    foreign.add(name);
                }
            }
        }
        assertTrue(foreign.isEmpty(), "classes outside Java SE and the SDK: " + foreign);
    }

    /** The class names in a class file's constant pool (CONSTANT_Class entries and descriptors). */
    static List<String> referencedClasses(DataInputStream in) throws IOException {
        in.readInt();
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        List<Integer> descriptorIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1: utf8[i] = in.readUTF(); break;
                case 7: classIndexes.add(in.readUnsignedShort()); break;
                case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                case 3: case 4: in.readInt(); break;
                case 5: case 6: in.readLong(); i++; break;
                case 9: case 10: case 11: case 18: case 17: in.readInt(); break;
                case 12: in.readUnsignedShort(); descriptorIndexes.add(in.readUnsignedShort()); break;
                case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                default: throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> out = new ArrayList<>();
        for (int idx : classIndexes) {
            String n = utf8[idx];
            if (n.startsWith("[")) out.addAll(fromDescriptor(n));
            else out.add(n);
        }
        for (int idx : descriptorIndexes) out.addAll(fromDescriptor(utf8[idx]));
        return out;
    }

    static List<String> fromDescriptor(String d) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while ((i = d.indexOf('L', i)) >= 0) {
            int end = d.indexOf(';', i);
            if (end < 0) break;
            out.add(d.substring(i + 1, end));
            i = end + 1;
        }
        return out;
    }
}
