package io.github.structuredlogging.alerting;

/**
 * The body of the {@code POST} a webhook is sent.
 */
public enum WebhookFormat {

	/**
	 * The alert as JSON, with the service it is about.
	 */
	JSON,

	/**
	 * A Slack-compatible message: {@code {"text": "..."}}.
	 */
	SLACK

}
