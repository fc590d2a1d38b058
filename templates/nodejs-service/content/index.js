const http = require('node:http');

const port = Number(process.env.PORT ?? 3000);

http
  .createServer((req, res) => {
    if (req.url === '/health' || req.url === '/ready') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    res.writeHead(404);
    res.end();
  })
  .listen(port, () => console.log('${{ values.name }} listening on', port));
