'use strict';

// The log console: the log API's live tail and a request's events, rendered with
// textContent only (log lines carry user input), from the API beside this page.
(() => {
	const base = location.pathname.replace(/\/console\/?$/, '');
	const rows = document.getElementById('rows');
	const filters = document.getElementById('filters');
	const pause = document.getElementById('pause');
	const connection = document.getElementById('connection');
	let source = null;
	let paused = false;

	const field = (event, ...names) => {
		for (const name of names) {
			if (event[name] !== undefined && event[name] !== null) {
				return String(event[name]);
			}
		}
		return '';
	};
	const time = (event) => field(event, '@timestamp');
	const level = (event) => field(event, 'level', 'log.level');
	const logger = (event) => field(event, 'logger_name', 'log.logger');
	const stream = (event) => field(event, 'log_stream', 'event.dataset');
	const correlationId = (event) => field(event, 'correlation_id', 'structured.correlation_id');

	const cell = (text) => {
		const td = document.createElement('td');
		td.textContent = text;
		return td;
	};

	const requestLink = (id) => {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'request';
		button.textContent = id;
		button.addEventListener('click', () => showRequest(id));
		return button;
	};

	const keep = () => Math.max(10, Math.min(5000, Number(filters.elements.keep.value) || 500));

	const append = (event) => {
		const tr = document.createElement('tr');
		tr.className = 'level-' + level(event);
		tr.append(cell(time(event).substring(11, 23)), cell(level(event)), cell(logger(event)),
			cell(field(event, 'message')));
		const td = document.createElement('td');
		const id = correlationId(event);
		if (id) {
			td.append(requestLink(id));
		}
		tr.append(td);
		rows.prepend(tr);
		while (rows.children.length > keep()) {
			rows.lastElementChild.remove();
		}
	};

	const query = () => {
		const params = new URLSearchParams();
		for (const name of ['level', 'logger', 'stream']) {
			const value = filters.elements[name].value.trim();
			if (value) {
				params.set(name, value);
			}
		}
		const text = filters.elements.text.value.trim();
		if (text) {
			params.set('q', text);
		}
		return params.toString();
	};

	// EventSource reconnects by itself, also after the server restarts.
	const connect = () => {
		if (source) {
			source.close();
		}
		const params = query();
		source = new EventSource(base + '/stream' + (params ? '?' + params : ''));
		source.onopen = () => { connection.textContent = 'live'; };
		source.onerror = () => { connection.textContent = 'reconnecting…'; };
		source.addEventListener('log', (message) => {
			if (!paused) {
				append(JSON.parse(message.data));
			}
		});
		source.addEventListener('dropped', () => { connection.textContent = 'live (some events skipped)'; });
	};

	const showRequest = async (id) => {
		const section = document.getElementById('request');
		document.getElementById('request-id').textContent = id;
		const timeline = document.getElementById('timeline');
		timeline.replaceChildren();
		const response = await fetch(base + '/recent?limit=1000&correlation_id=' + encodeURIComponent(id),
			{ credentials: 'same-origin' });
		const body = await response.json();
		const events = (body.events || []).slice().sort((a, b) => time(a).localeCompare(time(b)));
		let summary = events.length + ' events';
		for (const event of events) {
			const li = document.createElement('li');
			const label = document.createElement('span');
			label.className = 'stream';
			label.textContent = stream(event);
			li.append(label, document.createTextNode(' ' + time(event).substring(11, 23) + ' ' + level(event) + ' '
				+ field(event, 'message')));
			if (stream(event) === 'performance') {
				li.className = 'performance';
				summary = [field(event, 'http_method', 'http.request.method'), field(event, 'http_route', 'structured.http_route'),
					field(event, 'http_status', 'http.response.status_code'), field(event, 'duration_ms') + ' ms',
					'DB ' + field(event, 'db_time_ms', 'structured.db_time_ms') + ' ms', events.length + ' events'].join(' · ');
			}
			timeline.append(li);
		}
		document.getElementById('request-summary').textContent = summary;
		section.hidden = false;
		section.scrollIntoView();
		location.hash = 'request';
	};

	const bars = ['\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'];
	const sparkline = (counts) => {
		const max = Math.max(1, ...counts);
		return counts.map((count) => (count === 0 ? '\u00b7' : bars[Math.round((count / max) * (bars.length - 1))])).join('');
	};

	const showErrors = async () => {
		const section = document.getElementById('errors');
		const body = document.getElementById('error-groups');
		const response = await fetch(base + '/errors?window=1h&limit=50', { credentials: 'same-origin' });
		const report = await response.json();
		body.replaceChildren();
		for (const group of report.groups || []) {
			const tr = document.createElement('tr');
			tr.className = 'level-' + group.level;
			const exception = cell(group.error_type + (group.frame ? ' at ' + group.frame : ''));
			const requests = document.createElement('td');
			for (const id of group.correlation_ids || []) {
				requests.append(requestLink(id), document.createTextNode(' '));
			}
			tr.append(cell(String(group.count)), cell(sparkline(group.trend || [])), exception, cell(group.template),
				requests);
			body.append(tr);
		}
		section.hidden = false;
		section.scrollIntoView();
	};

	document.getElementById('nav-errors').addEventListener('click', (click) => {
		click.preventDefault();
		showErrors();
	});

	filters.addEventListener('submit', (submit) => {
		submit.preventDefault();
		rows.replaceChildren();
		connect();
	});
	pause.addEventListener('click', () => {
		paused = !paused;
		pause.setAttribute('aria-pressed', String(paused));
		pause.textContent = paused ? 'Resume' : 'Pause';
	});
	connect();
})();
