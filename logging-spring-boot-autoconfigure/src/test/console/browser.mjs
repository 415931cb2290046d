// What the console's browser scripts share: Debian's Chromium, the list of failed checks,
// the lines the JUnit side sends back, and a page that records every request leaving the
// machine, every dialog and every Content-Security-Policy violation.
import { chromium } from 'playwright-core';
import readline from 'node:readline';

const failures = [];
const input = readline.createInterface({ input: process.stdin });
const lines = input[Symbol.asyncIterator]();

export const check = (ok, what) => {
	if (!ok) {
		failures.push(what);
	}
};

// Ask the JUnit side to act (log lines, restart the application) and wait until it has.
export const ask = async (command) => {
	console.log('DO ' + command);
	await lines.next();
};

export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium' });

export const guardedPage = async (context, origin) => {
	const page = await context.newPage();
	const guard = { outside: [], dialogs: 0 };
	await page.route('**/*', (route) => {
		if (new URL(route.request().url()).origin !== origin) {
			guard.outside.push(route.request().url());
			return route.abort();
		}
		return route.continue();
	});
	page.on('dialog', (dialog) => {
		guard.dialogs++;
		dialog.dismiss();
	});
	await page.addInitScript(() => {
		window.__violations = [];
		document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
	});
	guard.verify = async () => {
		check(guard.dialogs === 0, 'no dialog opened');
		check(guard.outside.length === 0, 'no request left the machine: ' + guard.outside.join(', '));
		const violations = await page.evaluate(() => window.__violations);
		check(violations.length === 0, 'no Content-Security-Policy violation: ' + violations.join(', '));
	};
	return { page, guard };
};

// Run the checks, close the browser, and exit with 1 and the failed checks if any failed.
export const run = async (checks) => {
	const browser = await launch();
	try {
		await checks(browser);
	}
	catch (error) {
		failures.push(String(error && error.stack || error));
	}
	finally {
		await browser.close();
		input.close();
	}
	if (failures.length > 0) {
		console.log('FAILED: ' + failures.join('; '));
		process.exit(1);
	}
	console.log('PASSED');
};
