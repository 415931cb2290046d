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

	const SVG = 'http://www.w3.org/2000/svg';
	const svg = (name, attributes) => {
		const element = document.createElementNS(SVG, name);
		for (const [key, value] of Object.entries(attributes)) {
			element.setAttribute(key, String(value));
		}
		return element;
	};

	// p50, p95 and p99 of each minute, as lines with a point per minute.
	const drawChart = (minutes) => {
		const chart = document.getElementById('latency-chart');
		chart.replaceChildren();
		const width = 640;
		const height = 220;
		const left = 44;
		const bottom = 24;
		const max = Math.max(1, ...minutes.map((minute) => minute.p99_ms));
		const x = (i) => left + (minutes.length <= 1 ? (width - left) / 2 : (i * (width - left - 10)) / (minutes.length - 1));
		const y = (ms) => height - bottom - (ms / max) * (height - bottom - 10);
		chart.append(svg('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }),
			svg('line', { x1: left, y1: 10, x2: left, y2: height - bottom, class: 'axis' }));
		const top = svg('text', { x: 2, y: 16, class: 'label' });
		top.textContent = Math.round(max) + ' ms';
		chart.append(top);
		for (const series of ['p50', 'p95', 'p99']) {
			const points = minutes.map((minute, i) => x(i) + ',' + y(minute[series + '_ms']));
			chart.append(svg('polyline', { points: points.join(' '), class: 'line ' + series }));
			minutes.forEach((minute, i) => {
				const point = svg('circle', { cx: x(i), cy: y(minute[series + '_ms']), r: 3, class: 'point ' + series,
					'data-count': minute.count });
				const title = svg('title', {});
				title.textContent = minute.minute.substring(11, 16) + ' ' + series + ' ' + minute[series + '_ms'] + ' ms, '
					+ minute.count + ' requests';
				point.append(title);
				chart.append(point);
			});
		}
		minutes.forEach((minute, i) => {
			if (i === 0 || i === minutes.length - 1) {
				const label = svg('text', { x: x(i) - 12, y: height - 6, class: 'label' });
				label.textContent = minute.minute.substring(11, 16);
				chart.append(label);
			}
		});
	};

	const showPerformance = async () => {
		const response = await fetch(base + '/performance?window=1h&slowest=10', { credentials: 'same-origin' });
		const summary = await response.json();
		const all = summary.overall;
		document.getElementById('performance-summary').textContent = all.count + ' requests · p50 ' + all.p50_ms
			+ ' ms · p95 ' + all.p95_ms + ' ms · p99 ' + all.p99_ms + ' ms · ' + (all.error_rate * 100).toFixed(1)
			+ '% server errors';
		drawChart(summary.minutes || []);
		const minutes = Math.max(1, (summary.minutes || []).length);
		const routes = document.getElementById('routes');
		routes.replaceChildren();
		for (const route of summary.routes || []) {
			const tiers = Object.entries(route.tiers || {}).filter(([, count]) => count > 0)
				.map(([tier, count]) => tier + ' ' + count).join(', ');
			const tr = document.createElement('tr');
			tr.append(cell(route.http_route), cell((route.count / minutes).toFixed(1)), cell(String(route.p50_ms)),
				cell(String(route.p95_ms)), cell(String(route.p99_ms)), cell((route.error_rate * 100).toFixed(1) + '%'),
				cell(tiers));
			routes.append(tr);
		}
		const slowest = document.getElementById('slowest');
		slowest.replaceChildren();
		for (const request of summary.slowest || []) {
			const li = document.createElement('li');
			li.append(document.createTextNode(request.duration_ms + ' ms ' + request.http_method + ' '
				+ request.http_path + ' ' + request.http_status + ' '));
			if (request.correlation_id) {
				li.append(requestLink(request.correlation_id));
			}
			slowest.append(li);
		}
		const section = document.getElementById('performance');
		section.hidden = false;
		section.scrollIntoView();
	};

	document.getElementById('nav-performance').addEventListener('click', (click) => {
		click.preventDefault();
		showPerformance();
	});

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
