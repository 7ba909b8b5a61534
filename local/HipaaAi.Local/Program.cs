Console.WriteLine("hipaaai-local");
