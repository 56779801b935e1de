"""HTTP routes, one module per resource; :data:`ROUTERS` lists them in the order the app mounts them."""

from api.routes import classify, dashboard, distribution, docs, events, models, system, traces, views

ROUTERS = [
    system.router,
    classify.router,
    events.router,
    traces.router,
    distribution.router,
    models.router,
    views.router,
    dashboard.router,
    docs.router,
]
