package dev.kiln.maven;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageMojoTest {

    private static Artifact artifact(String groupId, String artifactId, String scope, String type) {
        // As Maven's own handlers say: jars go on class paths, poms do not.
        DefaultArtifactHandler handler = new DefaultArtifactHandler(type);
        handler.setAddedToClasspath("jar".equals(type));
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, type, null, handler);
        artifact.setFile(new File("/repo/" + artifactId + "." + type));
        return artifact;
    }

    @Test
    void classPathIsClassesThenRuntimeDependenciesInOrder() {
        Set<Artifact> dependencies = new LinkedHashSet<>(List.of(
                artifact("org.example", "lib-b", Artifact.SCOPE_COMPILE, "jar"),
                artifact("org.example", "test-only", Artifact.SCOPE_TEST, "jar"),
                artifact("org.example", "api", Artifact.SCOPE_PROVIDED, "jar"),
                artifact("org.example", "lib-a", Artifact.SCOPE_RUNTIME, "jar"),
                artifact("org.example", "bom", Artifact.SCOPE_COMPILE, "pom")));

        List<Path> classPath = ImageMojo.classPath(Path.of("/project/target/classes"), dependencies);

        assertEquals(List.of(Path.of("/project/target/classes"),
                Path.of("/repo/lib-b.jar"), Path.of("/repo/lib-a.jar")), classPath);
    }
}
