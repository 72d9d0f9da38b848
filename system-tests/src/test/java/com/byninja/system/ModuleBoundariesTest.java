package com.byninja.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The modules' boundaries, checked on the jars the system tests run: the link library and the runtime know no daemon,
 * neither daemon knows the other, so that each process can be built, deployed and killed alone, and the strategy API
 * that plug-ins compile against knows nothing of the bot.
 */
@AnalyzeClasses(packages = "com.byninja", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule theProtocolImportsNoDaemonAndNoRuntime = noClasses()
            .that().resideInAPackage("com.byninja.protocol..")
            .should().dependOnClassesThat().resideInAnyPackage("com.byninja.bot..", "com.byninja.telegram..",
                    "com.byninja.runtime..");

    @ArchTest
    static final ArchRule theRuntimeImportsNoDaemon = noClasses()
            .that().resideInAPackage("com.byninja.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("com.byninja.bot..", "com.byninja.telegram..");

    /** The pictures are drawn from plain values: the charts know no daemon, no link and no strategy. */
    @ArchTest
    static final ArchRule theChartsImportNothingOfOurs = noClasses()
            .that().resideInAPackage("com.byninja.charts..")
            .should().dependOnClassesThat().resideInAnyPackage("com.byninja.bot..", "com.byninja.telegram..",
                    "com.byninja.protocol..", "com.byninja.runtime..", "com.byninja.strategy..");

    /** A plug-in compiles against the strategy API alone: it must not lead into the bot, nor need more than ta4j. */
    @ArchTest
    static final ArchRule theStrategyApiDependsOnTheJdkAndTa4jOnly = classes()
            .that().resideInAPackage("com.byninja.strategy.api..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.byninja.strategy.api..", "java..",
                    "org.ta4j..");

    @ArchTest
    static final ArchRule theTradingBotDoesNotImportTheTelegramServer = noClasses()
            .that().resideInAPackage("com.byninja.bot..")
            .should().dependOnClassesThat().resideInAPackage("com.byninja.telegram..");

    @ArchTest
    static final ArchRule theTelegramServerDoesNotImportTheTradingBot = noClasses()
            .that().resideInAPackage("com.byninja.telegram..")
            .should().dependOnClassesThat().resideInAPackage("com.byninja.bot..");
}
