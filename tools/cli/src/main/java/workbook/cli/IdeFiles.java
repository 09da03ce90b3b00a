package workbook.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The IDE files part of check (ide-files): IntelliJ run configurations in .run/ and VS Code tasks.
 */
final class IdeFiles {

    /**
     * The shared IntelliJ run configurations (.run/) and VS Code tasks (.vscode/tasks.json): one Maven test run per
     * lesson (with -am, so the harness is built too), one for the solutions profile, and the watch and progress
     * commands. Written from the root pom's lessons by "ide-files --write"; check fails when they are out of date.
     */
    static Map<Path, String> ideFiles() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        StringBuilder tasks = new StringBuilder("{\n  \"version\": \"2.0.0\",\n  \"tasks\": [\n");
        tasks.append(task("workbook: watch (re-runs the current lesson on every save)", "java",
                List.of("tools/Workbook.java", "watch"), null)).append(",\n");
        tasks.append(task("workbook: progress", "java", List.of("tools/Workbook.java"), null)).append(",\n");
        for (String lesson : Workspace.lessons()) {
            List<String> goals = List.of("test", "-pl", lesson, "-am");
            files.put(Path.of(".run", lesson + ".run.xml"), intellijMaven(lesson + ": test", goals, false));
            tasks.append(task(lesson + ": test", "./mvnw", goals, "test")).append(",\n");
        }
        files.put(Path.of(".run", "solutions.run.xml"), intellijMaven("solutions: verify", List.of("verify"), true));
        tasks.append(task("solutions: verify", "./mvnw", List.of("-Psolutions", "verify"), null)).append("\n");
        files.put(Path.of(".vscode", "tasks.json"), tasks.append("  ]\n}\n").toString());
        return files;
    }

    static String intellijMaven(String name, List<String> goals, boolean solutions) {
        StringBuilder goalOptions = new StringBuilder();
        goals.forEach(g -> goalOptions.append("              <option value=\"").append(g).append("\" />\n"));
        return """
                <component name="ProjectRunConfigurationManager">
                  <configuration default="false" name="NAME" type="MavenRunConfiguration" factoryName="Maven">
                    <MavenSettings>
                      <option name="myGeneralSettings" />
                      <option name="myRunnerSettings" />
                      <option name="myRunnerParameters">
                        <MavenRunnerParameters>
                          <option name="goals">
                            <list>
                GOALS            </list>
                          </option>
                          <option name="multimoduleDir" />
                          <option name="pomFileName" value="pom.xml" />
                          <option name="profilesMap">
                            <map>PROFILES</map>
                          </option>
                          <option name="resolveToWorkspace" value="false" />
                          <option name="workingDirPath" value="$PROJECT_DIR$" />
                        </MavenRunnerParameters>
                      </option>
                    </MavenSettings>
                    <method v="2" />
                  </configuration>
                </component>
                """.replace("NAME", name).replace("GOALS", goalOptions)
                .replace("PROFILES", solutions ? "\n                <entry key=\"solutions\" value=\"true\" />\n"
                        + "              " : "");
    }

    static String task(String label, String command, List<String> args, String group) {
        String windows = command.equals("./mvnw") ? ", \"windows\": {\"command\": \".\\\\mvnw.cmd\"}" : "";
        return "    {\"label\": " + Text.quote(label) + ", \"type\": \"shell\", \"command\": " + Text.quote(command)
                + windows
                + ", \"args\": [" + args.stream().map(Text::quote).collect(Collectors.joining(", ")) + "]"
                + (group == null ? "" : ", \"group\": " + Text.quote(group)) + ", \"problemMatcher\": []}";
    }

    static int command(List<String> args) throws Exception {
        List<String> problems = check(args.contains("--write"));
        problems.forEach(p -> System.out.println("  - " + p));
        return problems.isEmpty() ? 0 : 1;
    }

    static List<String> check(boolean write) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Path, String> file : ideFiles().entrySet()) {
            Path path = Workspace.ROOT.resolve(file.getKey());
            if (write) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            } else if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                problems.add(file.getKey() + " is out of date (java tools/Workbook.java ide-files --write)");
            }
        }
        Path runFolder = Workspace.ROOT.resolve(".run");
        try (Stream<Path> runs = Files.isDirectory(runFolder) ? Files.list(runFolder) : Stream.empty()) {
            for (Path run : runs.toList()) {
                if (!ideFiles().containsKey(Workspace.ROOT.relativize(run))) {
                    problems.add(Workspace.ROOT.relativize(run) + " runs no lesson of the root pom");
                }
            }
        }
        new Json(ideFiles().get(Path.of(".vscode", "tasks.json"))).value();
        return problems;
    }
}
