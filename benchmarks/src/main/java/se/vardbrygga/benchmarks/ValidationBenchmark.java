package se.vardbrygga.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import se.vardbrygga.adapter.validation.ProfileExamples;
import se.vardbrygga.adapter.validation.ProfileValidator;

/**
 * Time to validate one resource with the shared, warmed validator, as on every write: a delegation
 * Task and an SBAR Communication (the package's valid examples), given as the resource and its JSON
 * (a write encodes the resource once, for storage and validation alike). Sample time gives the
 * median. The fork runs with the garbage collector the README starts the adapter with (parallel);
 * add {@code -jvmArgsAppend -XX:+UseG1GC} to compare with the JVM's default.
 * Run: {@code mvn -B -q -Pbench -DskipTests package && java -jar benchmarks/target/benchmarks.jar}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseParallelGC")
public class ValidationBenchmark {
    private ProfileValidator validator;
    private Resource delegationTask;
    private String delegationTaskJson;
    private Resource sbarCommunication;
    private String sbarCommunicationJson;

    @Setup
    public void setUp() {
        FhirContext context = FhirContext.forR4();
        validator = ProfileValidator.create(context);
        validator.warmUp();
        delegationTask = example("vb-delegation-task-example");
        sbarCommunication = example("vb-sbar-communication-example");
        if (validator.check(delegationTask).hasIssue() || validator.check(sbarCommunication).hasIssue()) {
            throw new IllegalStateException("benchmark examples must be valid");
        }
        delegationTaskJson = context.newJsonParser().encodeResourceToString(delegationTask);
        sbarCommunicationJson = context.newJsonParser().encodeResourceToString(sbarCommunication);
    }

    @Benchmark
    public void validateDelegationTask() {
        validator.validate(delegationTask, delegationTaskJson);
    }

    @Benchmark
    public void validateSbarCommunication() {
        validator.validate(sbarCommunication, sbarCommunicationJson);
    }

    private static Resource example(String id) {
        return ProfileExamples.all().stream()
                .filter(r -> r.getIdElement().getIdPart().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("example " + id + " missing from the profile package"));
    }
}
