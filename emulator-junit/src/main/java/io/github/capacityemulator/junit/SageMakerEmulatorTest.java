package io.github.capacityemulator.junit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs one in-process SageMaker emulator for the test class (shared by its {@code @Nested} classes) on a
 * free loopback port. Test methods and constructors can take a {@code SageMakerClient},
 * {@code SageMakerAsyncClient} or {@link EmulatorControl}. The clock starts frozen at the real time.
 * The methods of the class run one at a time (they share the emulator, which is reset before each);
 * classes can still run in parallel, each with its own emulator. Configuration is read from the
 * outermost annotated class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SageMakerEmulatorExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface SageMakerEmulatorTest {

    /** Wipe all state and put the clock back (frozen at the real time) before each test method. */
    boolean resetBeforeEach() default true;

    /** The region the injected clients use. */
    String region() default "us-east-1";

    /** The account the injected clients act as (their access key id). */
    String account() default "000000000000";
}
