import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import us.ihmc.ros2.rosidl.ROS2InterfaceGenerator;

/**
 * Build step (run by exec-maven-plugin as a single-file Java program): turns the loci_msgs package into Java
 * types with IHMC's ros2-msg-to-pubsub-generator. That generator reads .msg only, so each .srv is first split
 * at its "---" line into FooRequest.msg and FooResponse.msg (an empty half gets rosidl's placeholder field
 * "uint8 structure_needs_at_least_one_member", as rosidl does, so the wire layout matches rmw_cyclonedds).
 * Skips the work when the generated sources are newer than every input.
 *
 * Arguments: loci_msgs directory, work directory, Java output directory, path of ros2-common-interfaces jar.
 */
public final class GenerateLociMessages {
    private static final List<String> USED_PACKAGES = List.of("builtin_interfaces", "std_msgs", "geometry_msgs");

    public static void main(String[] args) throws Exception {
        Path msgPackage = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Path javaOut = Path.of(args[2]);
        Path commonInterfacesJar = Path.of(args[3]);
        Path stamp = javaOut.resolve("loci_msgs/.generated");
        if (Files.exists(stamp) && Files.isDirectory(work.resolve("idl"))
                && newestInput(msgPackage) < Files.getLastModifiedTime(stamp).toMillis()) {
            System.out.println("loci_msgs Java types are up to date");
            return;
        }
        deleteTree(work);
        Path root = work.resolve("packages");
        Path staged = root.resolve("loci_msgs");
        Files.createDirectories(staged.resolve("msg"));
        Files.copy(msgPackage.resolve("package.xml"), staged.resolve("package.xml"));
        try (Stream<Path> msgs = Files.list(msgPackage.resolve("msg"))) {
            for (Path msg : (Iterable<Path>) msgs::iterator) {
                Files.copy(msg, staged.resolve("msg").resolve(msg.getFileName()));
            }
        }
        try (Stream<Path> srvs = Files.list(msgPackage.resolve("srv"))) {
            for (Path srv : (Iterable<Path>) srvs::iterator) {
                splitService(srv, staged.resolve("msg"));
            }
        }
        Path customIdl = work.resolve("common-idl");
        extractIdl(commonInterfacesJar, customIdl);

        ROS2InterfaceGenerator generator = new ROS2InterfaceGenerator();
        generator.addCustomIDLFiles(customIdl);
        generator.addPackageRootToIDLGenerator(root);
        Path allJava = work.resolve("java");
        generator.generate(work.resolve("idl"), work.resolve("ros1"), allJava);

        // Only loci_msgs is ours; the common interfaces come as classes in ros2-common-interfaces.jar.
        Path ours = javaOut.resolve("loci_msgs");
        deleteTree(ours);
        Files.createDirectories(javaOut);
        copyTree(allJava.resolve("loci_msgs"), ours);
        Files.writeString(stamp, "generated from " + msgPackage.toAbsolutePath() + "\n");
        System.out.println("generated loci_msgs Java types into " + ours);
    }

    static void splitService(Path srv, Path msgDir) throws IOException {
        String name = srv.getFileName().toString().replaceFirst("\\.srv$", "");
        List<String> lines = Files.readAllLines(srv);
        int separator = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("---")) {
                separator = i;
                break;
            }
        }
        if (separator < 0) {
            throw new IllegalArgumentException(srv + " has no '---' line between request and response");
        }
        writeHalf(lines.subList(0, separator), msgDir.resolve(name + "Request.msg"));
        writeHalf(lines.subList(separator + 1, lines.size()), msgDir.resolve(name + "Response.msg"));
    }

    private static void writeHalf(List<String> lines, Path target) throws IOException {
        List<String> out = new ArrayList<>(lines);
        boolean hasField = lines.stream().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
        if (!hasField) {
            out.add("uint8 structure_needs_at_least_one_member");
        }
        Files.write(target, out);
    }

    private static void extractIdl(Path jar, Path target) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
             Stream<Path> files = Files.walk(zip.getPath("/"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String s = p.toString();
                // Only the packages loci_msgs uses: the generator writes Java for every IDL it is given.
                if (s.endsWith(".idl") && USED_PACKAGES.stream().anyMatch(pkg -> s.startsWith("/" + pkg + "/"))) {
                    Path dest = target.resolve(s.substring(1));
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long newestInput(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).max().orElse(Long.MAX_VALUE);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted((a, b) -> b.compareTo(a))::iterator) {
                Files.delete(p);
            }
        }
    }
}
