// Every test class here shares one storage emulator on the standard ports, and the fixture that started it stops it
// when its class ends; running classes in parallel would pull the emulator from under the others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
