app_name = "scan_exports"

urlpatterns = []
