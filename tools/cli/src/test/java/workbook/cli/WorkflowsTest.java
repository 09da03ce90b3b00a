package workbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflows, parsed as YAML: the maintainers' jobs run only in the maintainers' repository (so a student who
 * pushes a copy of the full workbook sees them skipped, not red), the schedule runs the full matrix and not the push
 * jobs again, and the students' grading workflow fails only when grading could not run.
 */
class WorkflowsTest {

    static final String GUARD = "vars.WORKBOOK_MAINTAINERS == 'true'";

    @SuppressWarnings("unchecked")
    static Map<String, Object> workflow(java.nio.file.Path file) throws Exception {
        return new Yaml().load(Files.readString(Workspace.ROOT.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> jobs(Map<String, Object> workflow) {
        return (Map<String, Map<String, Object>>) workflow.get("jobs");
    }

    @Test
    void everyMaintainersJobRunsOnlyInTheMaintainersRepository() throws Exception {
        Map<String, Map<String, Object>> jobs = jobs(workflow(CiFiles.WORKFLOW));
        assertThat(jobs).isNotEmpty();
        jobs.forEach((name, job) -> assertThat(String.valueOf(job.get("if"))).as(name).startsWith(GUARD + " && "));
    }

    @Test
    void theScheduleRunsTheFullMatrixOnly() throws Exception {
        Map<String, Map<String, Object>> jobs = jobs(workflow(CiFiles.WORKFLOW));
        jobs.forEach((name, job) -> {
            String condition = String.valueOf(job.get("if"));
            if (name.equals("full-matrix")) {
                assertThat(condition).contains("github.event_name == 'schedule'");
            } else {
                assertThat(condition).as(name).contains("github.event_name != 'schedule'");
            }
        });
    }

    @Test
    void everyWorkflowHasPermissionsConcurrencyAndCurrentActions() throws Exception {
        for (java.nio.file.Path file : List.of(CiFiles.WORKFLOW, CiFiles.STUDENT_WORKFLOW)) {
            Map<String, Object> workflow = workflow(file);
            assertThat(workflow).as(file.toString()).containsKeys("permissions", "concurrency");
            assertThat(String.valueOf(workflow.get("permissions"))).isEqualTo("{contents=read}");
            for (Map<String, Object> job : jobs(workflow).values()) {
                for (Object step : (List<?>) job.get("steps")) {
                    Object uses = ((Map<?, ?>) step).get("uses");
                    if (uses != null) {
                        assertThat(String.valueOf(uses)).as(file.toString()).isIn("actions/checkout@v6",
                                "actions/setup-java@v5", "actions/upload-artifact@v7");
                    }
                }
            }
        }
    }

    @Test
    void theStudentsWorkflowGradesOnEveryPushAndFailsOnlyWhenGradingCannotRun() throws Exception {
        Map<String, Object> workflow = workflow(CiFiles.STUDENT_WORKFLOW);
        // YAML 1.1 reads the key "on" as true.
        Object on = workflow.containsKey("on") ? workflow.get("on") : ((Map<?, ?>) workflow).get(true);
        assertThat(((Map<?, ?>) on).keySet()).map(String::valueOf).contains("push");
        Map<String, Object> job = jobs(workflow).values().iterator().next();
        assertThat(job).doesNotContainKey("if").doesNotContainKey("continue-on-error");
        List<?> steps = (List<?>) job.get("steps");
        assertThat(steps).anySatisfy(step -> assertThat(((Map<?, ?>) step).get("run"))
                .isEqualTo(CiFiles.REPORT));
        assertThat(steps).anySatisfy(step -> {
            assertThat(((Map<?, ?>) step).get("uses")).isEqualTo("actions/upload-artifact@v7");
            assertThat(((Map<?, ?>) step).get("if")).isEqualTo("always()");
        });
    }
}
