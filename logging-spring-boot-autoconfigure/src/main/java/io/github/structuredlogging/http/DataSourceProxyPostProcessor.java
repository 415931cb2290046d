package io.github.structuredlogging.http;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link DataSource} bean in a datasource-proxy that counts statements into
 * the current request's {@link DatabaseActivity}.
 */
public final class DataSourceProxyPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
			return ProxyDataSourceBuilder.create(dataSource)
				.name(beanName)
				.listener(new DatabaseActivityListener())
				.build();
		}
		return bean;
	}

}
