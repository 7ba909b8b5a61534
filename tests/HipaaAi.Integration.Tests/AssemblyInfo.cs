// The end-to-end tests share one storage emulator on its standard ports; classes run one after another so two
// fixtures never race to start or stop it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
