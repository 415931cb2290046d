import com.sun.tools.attach.VirtualMachine;

/**
 * Loads an agent library into a running JVM with its options: what async-profiler's own
 * launcher does, for the profiler's jar from Maven Central, which has no launcher.
 * Run as a source file: java Attach.java pid library options
 */
public class Attach {

	public static void main(String[] args) throws Exception {
		VirtualMachine machine = VirtualMachine.attach(args[0]);
		try {
			machine.loadAgentPath(args[1], args[2]);
		}
		finally {
			machine.detach();
		}
	}

}
