package dev.loci.ros.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns the IDL the build generated from loci_msgs (IHMC dialect: module {@code dds}, struct {@code Foo},
 * {@code @TypeCode}) into the IDL rosidl would give Cyclone ({@code dds_}, {@code Foo_}), plus one struct per
 * service half with rmw_cyclonedds' request header in front of the fields.
 */
final class CycloneIdl {
    private CycloneIdl() {
    }

    /** Writes the converted IDL under {@code out}; returns the files to compile with idlc. */
    static List<Path> convert(Path buildIdl, Path out) throws IOException {
        List<Path> compile = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(buildIdl)) {
            sources = files.filter(p -> p.toString().endsWith(".idl")).collect(Collectors.toList());
        }
        for (Path source : sources) {
            String relative = buildIdl.relativize(source).toString();
            Path target = write(out, relative, Files.readString(source));
            if (relative.startsWith("loci_msgs") || COMMON.contains(relative)) {
                compile.add(target);
            }
            String name = source.getFileName().toString();
            if (relative.startsWith("loci_msgs") && name.endsWith("Request_.idl")) {
                String service = name.substring(0, name.length() - "Request_.idl".length());
                compile.add(serviceHalf(out, service, "Request"));
                compile.add(serviceHalf(out, service, "Response"));
            }
        }
        // nav_msgs/Odometry, as a robot publishes it: its IDL comes with ros2-common-interfaces on the class path.
        try (var odometry = CycloneIdl.class.getResourceAsStream("/nav_msgs/msg/Odometry_.idl")) {
            compile.add(write(out, "nav_msgs/msg/Odometry_.idl", new String(odometry.readAllBytes(), StandardCharsets.UTF_8)));
        }
        return compile;
    }

    private static final List<String> COMMON = List.of("builtin_interfaces/msg/Time_.idl", "std_msgs/msg/Header_.idl",
            "geometry_msgs/msg/Point_.idl", "geometry_msgs/msg/Quaternion_.idl", "geometry_msgs/msg/Pose_.idl",
            "geometry_msgs/msg/Vector3_.idl", "geometry_msgs/msg/PoseWithCovariance_.idl",
            "geometry_msgs/msg/Twist_.idl", "geometry_msgs/msg/TwistWithCovariance_.idl");

    private static Path write(Path out, String relative, String ihmcIdl) throws IOException {
        String idl = ihmcIdl.lines()
                .filter(line -> !line.strip().startsWith("@TypeCode") && !line.strip().startsWith("@Abstract"))
                .collect(Collectors.joining("\n"))
                .replaceAll("module dds\\b", "module dds_")
                .replaceAll("struct (\\w+)", "struct $1_")
                .replaceAll("::dds::(\\w+)", "::dds_::$1_");
        Path target = out.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.writeString(target, idl + "\n");
        return target;
    }

    private static Path serviceHalf(Path out, String service, String half) throws IOException {
        Path target = out.resolve("loci_msgs/srv/" + service + "_" + half + "_.idl");
        Files.createDirectories(target.getParent());
        String guard = "__loci_msgs__srv__" + service + "_" + half + "__idl__";
        Files.writeString(target, String.join("\n",
                "#ifndef " + guard,
                "#define " + guard,
                "#include \"loci_msgs/msg/" + service + half + "_.idl\"",
                "module loci_msgs { module srv { module dds_ {",
                "  struct " + service + "_" + half + "_ {",
                "    unsigned long long client_guid;",
                "    long long sequence_number;",
                "    loci_msgs::msg::dds_::" + service + half + "_ body;",
                "  };",
                "}; }; };",
                "#endif", ""));
        return target;
    }
}
