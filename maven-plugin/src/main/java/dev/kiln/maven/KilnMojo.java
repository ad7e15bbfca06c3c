package dev.kiln.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What every Kiln goal does first: reject misspelled configuration, honour {@code kiln.skip}, and report an
 * {@link InvalidParameterException} as a build error.
 */
abstract class KilnMojo extends AbstractMojo {

    /** Skips every Kiln goal: no image is written and nothing is booted. */
    @Parameter(property = "kiln.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        List<String> problems = ConfigurationCheck.problems(knownParameters(), knownProperties(),
                configuredElements(), session.getUserProperties().stringPropertyNames());
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("kiln:" + goal() + ": unknown configuration\n  " + String.join("\n  ", problems));
        }
        if (skip) {
            getLog().info("kiln:" + goal() + " skipped (kiln.skip)");
            return;
        }
        try {
            checkBootSettings();
            executeGoal();
        } catch (InvalidParameterException invalid) {
            throw new MojoExecutionException("kiln:" + goal() + ": " + invalid.getMessage());
        }
    }

    /**
     * Every goal checks the boot goals' numeric settings, wherever they are set (command line, project properties,
     * the plugin's configuration), so that a {@code -Dkiln.timeout=abc} fails {@code kiln:image} at the start of
     * the build rather than {@code kiln:boot-test} after the image was built.
     */
    private void checkBootSettings() throws InvalidParameterException {
        String timeout = setting("timeout", "kiln.timeout");
        if (timeout != null) {
            GoalParameters.timeout(timeout);
        }
        String memory = setting("memory", "kiln.memory");
        if (memory != null) {
            GoalParameters.memoryMiB(memory);
        }
    }

    /** A parameter's value as Maven will give it to the goal that has it: property first, then configuration. */
    private String setting(String element, String property) {
        String value = session.getUserProperties().getProperty(property);
        if (value == null) {
            value = project.getProperties().getProperty(property);
        }
        if (value == null) {
            value = configuredValue(project.getBuild().getPluginsAsMap().get(plugin.getPluginLookupKey()), element);
        }
        return value;
    }

    private static String configuredValue(Plugin declaration, String element) {
        if (declaration == null) {
            return null;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(declaration.getConfiguration());
        declaration.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
        for (Object configuration : configurations) {
            if (configuration instanceof Xpp3Dom dom && dom.getChild(element) != null) {
                String value = dom.getChild(element).getValue();
                if (value != null && !value.contains("${")) {
                    return value;
                }
            }
        }
        return null;
    }

    /** Runs the goal once the configuration is known to be spelled right and the goal is not skipped. */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException, InvalidParameterException;

    /** The goal's name as users type it after {@code kiln:}. */
    abstract String goal();

    ImageLayout layout() {
        return new ImageLayout(Path.of(project.getBuild().getDirectory()), project.getArtifactId());
    }

    private Set<String> knownParameters() {
        Set<String> names = new HashSet<>();
        for (var parameter : parameters()) {
            names.add(parameter.getName());
            if (parameter.getAlias() != null) {
                names.add(parameter.getAlias());
            }
        }
        return names;
    }

    private Set<String> knownProperties() {
        Set<String> properties = new HashSet<>();
        for (var parameter : parameters()) {
            String expression = parameter.getExpression();
            if (expression != null && expression.startsWith("${") && expression.endsWith("}")) {
                properties.add(expression.substring(2, expression.length() - 1));
            }
        }
        return properties;
    }

    /** The parameters a pom may set: those of every goal of this plugin, less the read-only ones ({@code project}, ...). */
    private List<org.apache.maven.plugin.descriptor.Parameter> parameters() {
        List<org.apache.maven.plugin.descriptor.Parameter> parameters = new ArrayList<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            if (mojo.getParameters() != null) {
                mojo.getParameters().stream().filter(org.apache.maven.plugin.descriptor.Parameter::isEditable).forEach(parameters::add);
            }
        }
        return parameters;
    }

    /**
     * The element names under this plugin's {@code <configuration>} in the pom: plugin-level and per execution, in
     * {@code <plugins>} and in {@code <pluginManagement>} (which is what {@code mvn kiln:run} on the command line uses).
     */
    private List<String> configuredElements() {
        List<String> names = new ArrayList<>();
        addConfiguredElements(project.getBuild().getPluginsAsMap().get(plugin.getPluginLookupKey()), names);
        if (project.getPluginManagement() != null) {
            addConfiguredElements(project.getPluginManagement().getPluginsAsMap().get(plugin.getPluginLookupKey()), names);
        }
        return names;
    }

    private static void addConfiguredElements(Plugin declaration, List<String> names) {
        if (declaration != null) {
            addChildNames(declaration.getConfiguration(), names);
            for (PluginExecution execution : declaration.getExecutions()) {
                addChildNames(execution.getConfiguration(), names);
            }
        }
    }

    private static void addChildNames(Object configuration, List<String> names) {
        if (configuration instanceof Xpp3Dom dom) {
            for (Xpp3Dom child : dom.getChildren()) {
                names.add(child.getName());
            }
        }
    }
}
