package com.byninja.bot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The trading bot's package map, held by the build: dependencies point down, from the wiring through the adapters
 * and the engine to the ports and the domain values on the ground floor. docs/architecture.md draws it.
 */
@AnalyzeClasses(packages = "com.byninja.bot", importOptions = {ImportOption.DoNotIncludeTests.class,
    ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    private static final String[] IMPLEMENTATIONS = {"com.byninja.bot.exchange.simulated..",
        "com.byninja.bot.exchange.xchange..", "com.byninja.bot.exchange.binance..", "com.byninja.bot.exchange.paper.."};

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Domain").definedBy("com.byninja.bot.domain..")
            .layer("Config").definedBy("com.byninja.bot.config..")
            .layer("Ports").definedBy("com.byninja.bot.engine.port..", "com.byninja.bot.exchange")
            .layer("Core").definedBy("com.byninja.bot.strategy..", "com.byninja.bot.risk..",
                    "com.byninja.bot.control..", "com.byninja.bot.positions..", "com.byninja.bot.orders..",
                    "com.byninja.bot.marketdata..", "com.byninja.bot.protections..")
            .layer("Engine").definedBy("com.byninja.bot.engine")
            .layer("Adapters").definedBy("com.byninja.bot.exchange.simulated..",
                    "com.byninja.bot.exchange.xchange..", "com.byninja.bot.exchange.binance..",
                    "com.byninja.bot.exchange.paper..", "com.byninja.bot.store..", "com.byninja.bot.link..")
            .layer("Replay").definedBy("com.byninja.bot.replay..")
            .layer("Wiring").definedBy("com.byninja.bot", "com.byninja.bot.backtest..")
            .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
            .whereLayer("Replay").mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Adapters").mayOnlyBeAccessedByLayers("Wiring")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Adapters", "Replay", "Wiring")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Engine", "Adapters", "Replay", "Wiring")
            .whereLayer("Ports").mayOnlyBeAccessedByLayers("Core", "Engine", "Adapters", "Replay", "Wiring")
            .whereLayer("Config").mayOnlyBeAccessedByLayers("Core", "Engine", "Adapters", "Replay", "Wiring")
            .whereLayer("Domain").mayNotAccessAnyLayer();

    @ArchTest
    static final ArchRule domainValuesDependOnNothingAboveThem = classes()
            .that().resideInAPackage("com.byninja.bot.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("com.byninja.bot.domain..", "java..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule theEngineSeesNoExchangeLinkOrStore = noClasses()
            .that().resideInAPackage("com.byninja.bot.engine..")
            .should().dependOnClassesThat().resideInAnyPackage(IMPLEMENTATIONS)
            .orShould().dependOnClassesThat().resideInAnyPackage("com.byninja.bot.link..", "com.byninja.bot.store..",
                    "com.byninja.protocol..");

    /** The step reads its time from its {@code now}; only the live loop around it may look at the wall clock. */
    @ArchTest
    static final ArchRule theEngineAndTheCoreReadNoWallClock = noClasses()
            .that().resideInAnyPackage("com.byninja.bot.engine..", "com.byninja.bot.risk..",
                    "com.byninja.bot.positions..", "com.byninja.bot.strategy..", "com.byninja.bot.protections..")
            .and().haveNameNotMatching("com\\.byninja\\.bot\\.engine\\.TradingEngine(\\$.*)?")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Thread.class, "sleep", long.class);

    /**
     * The strategy API's types stay where a strategy is chosen (config), made (strategy) and asked (engine), so that a
     * change of the API, which plug-ins compile against, touches those three only.
     */
    @ArchTest
    static final ArchRule theStrategyApiIsUsedWhereStrategiesAreChosenMadeAndAsked = noClasses()
            .that().resideOutsideOfPackages("com.byninja.bot.config", "com.byninja.bot.strategy..",
                    "com.byninja.bot.engine")
            .should().dependOnClassesThat().resideInAPackage("com.byninja.strategy.api..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.byninja.bot.(**)").should().beFreeOfCycles();
}
