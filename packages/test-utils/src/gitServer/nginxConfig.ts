import { join } from 'node:path';

export type NginxConfigInput = {
  /** The server's own directory: logs, temp files and the pid file go here. */
  workDirectory: string;
  port: number;
  /** fcgiwrap's unix socket. */
  fcgiSocket: string;
  /** `git --exec-path`/git-http-backend. */
  httpBackend: string;
  /** The directory holding the bare repositories. */
  projectRoot: string;
  /** `$(dirname git)`, for the programs git-http-backend starts. */
  gitBinDirectory: string;
  /** An htpasswd file: when given, every request needs HTTP basic auth. */
  htpasswdFile?: string;
};

// nginx config strings are quoted with '…'; paths here come from mkdtemp.
const quote = (value: string) => `'${value.replace(/[\\']/g, '\\$&')}'`;

/**
 * An nginx configuration serving `git http-backend` (smart HTTP) on
 * 127.0.0.1:port through fcgiwrap. It runs as one foreground process of the
 * current user (no master, no daemon), so killing that process stops it, and
 * every path nginx writes is inside `workDirectory`: the package's defaults
 * (/var/log/nginx, /var/lib/nginx) are not writable in a sandbox.
 */
export function renderNginxConfig(input: NginxConfigInput): string {
  const dir = (name: string) => quote(join(input.workDirectory, name));
  const auth = input.htpasswdFile
    ? `auth_basic "git"; auth_basic_user_file ${quote(input.htpasswdFile)};`
    : '';
  return `
daemon off;
master_process off;
pid ${dir('nginx.pid')};
error_log ${dir('error.log')} error;
events { worker_connections 64; }
http {
  access_log ${dir('access.log')};
  client_body_temp_path ${dir('client_body')};
  proxy_temp_path ${dir('proxy')};
  fastcgi_temp_path ${dir('fastcgi')};
  uwsgi_temp_path ${dir('uwsgi')};
  scgi_temp_path ${dir('scgi')};
  # Pushes of any size: a pack is one request body.
  client_max_body_size 0;
  server {
    listen 127.0.0.1:${input.port};
    location ~ (/.*) {
      ${auth}
      fastcgi_pass ${quote(`unix:${input.fcgiSocket}`)};
      fastcgi_param SCRIPT_FILENAME ${quote(input.httpBackend)};
      fastcgi_param GIT_PROJECT_ROOT ${quote(input.projectRoot)};
      # Every repository under the root is served; no git-daemon-export-ok.
      fastcgi_param GIT_HTTP_EXPORT_ALL 1;
      fastcgi_param PATH_INFO $1;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
      fastcgi_param REMOTE_USER $remote_user;
      fastcgi_param REMOTE_ADDR $remote_addr;
      fastcgi_param SERVER_PROTOCOL $server_protocol;
      fastcgi_param GATEWAY_INTERFACE CGI/1.1;
      # fcgiwrap gives the CGI only these parameters as its environment:
      # git-http-backend must neither lack PATH nor read the machine's config.
      fastcgi_param PATH ${quote(`${input.gitBinDirectory}:/usr/bin:/bin`)};
      fastcgi_param HOME /nonexistent;
      fastcgi_param GIT_CONFIG_NOSYSTEM 1;
      fastcgi_param GIT_CONFIG_GLOBAL /dev/null;
    }
  }
}
`;
}
