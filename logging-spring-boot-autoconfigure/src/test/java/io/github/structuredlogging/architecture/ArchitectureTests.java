package io.github.structuredlogging.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the starter, as rules: packages by capability without cycles, wiring
 * only in {@code autoconfigure}, and an {@code api} free of Spring.
 */
@AnalyzeClasses(packages = "io.github.structuredlogging", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule capabilityPackagesHaveNoCycles = slices()
		.matching("io.github.structuredlogging.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("io.github.structuredlogging.(**)")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule capabilitiesNeverImportAutoconfigure = noClasses().that()
		.resideOutsideOfPackage("io.github.structuredlogging.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.github.structuredlogging.autoconfigure..");

	@ArchTest
	static final ArchRule apiImportsNoSpring = noClasses().that()
		.resideInAPackage("io.github.structuredlogging.api..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..");

	@ArchTest
	static final ArchRule requestAggregatesLiveWithTheHttpCapability = classes().that()
		.haveSimpleNameStartingWith("Route")
		.or()
		.haveSimpleName("RequestStatistics")
		.should()
		.resideInAPackage("io.github.structuredlogging.http..");

}
