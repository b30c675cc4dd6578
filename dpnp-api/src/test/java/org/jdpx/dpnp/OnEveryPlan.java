package org.jdpx.dpnp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs a test once per device and plan ({@link PlanCases#all}); the method takes a Device and a DevicePlan.Kind. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0} {1}")
@MethodSource("org.jdpx.dpnp.PlanCases#all")
@interface OnEveryPlan {
}
