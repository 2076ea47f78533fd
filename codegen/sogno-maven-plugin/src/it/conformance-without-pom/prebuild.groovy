// A service that answers every error as plain application/json, for the build that follows.
import com.sun.net.httpserver.HttpServer

def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 18769), 0)
server.createContext('/') { exchange ->
  exchange.requestBody.bytes
  boolean health = exchange.requestURI.path.startsWith('/health/')
  byte[] body = (health ? '{"status":"up"}' : '{"error":"bad request"}').getBytes('UTF-8')
  exchange.responseHeaders.add('Content-Type', 'application/json')
  exchange.sendResponseHeaders(health ? 200 : 400, body.length)
  exchange.responseBody.write(body)
  exchange.close()
}
server.start()
System.properties.put('sogno.conformance.it.server', server)
return true
