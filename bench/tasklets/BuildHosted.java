import dev.kiln.toolchain.KilnBuild;
import java.nio.file.Path;
import java.util.List;

/** bench/tasklets' helper: compiles a program with Kiln for the hosted target (a Linux executable). */
public class BuildHosted {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BuildHosted <class path> <main class> <output executable>");
            System.exit(2);
        }
        List<Path> classPath = java.util.Arrays.stream(args[0].split(":")).map(Path::of).toList();
        KilnBuild.buildHostedExecutable(classPath, args[1], Path.of(args[2]));
    }
}
